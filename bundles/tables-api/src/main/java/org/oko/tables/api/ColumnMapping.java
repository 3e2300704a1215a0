package org.oko.tables.api;

import static org.oko.tables.api.internal.TablesApiTexts.TEXTS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of a file holds which of an import's columns: the person's choice for this import
 * first, then what was chosen at earlier imports (unless the person placed that column elsewhere
 * now), then our header or one of its aliases. A header
 * nobody recognises is the region's own note and is left out on purpose.
 *
 * <p>Two columns of the file chosen for one column, or two spelled alike, are a header problem; when
 * two different spellings both match, the better one (our header before the first alias, and so on)
 * is read and the other left out, as a federal export may carry both «Первичный балл» and «Балл».
 */
public final class ColumnMapping {

    private final List<String> header;
    private final long headerRow;
    private final Map<String, Integer> indexes = new LinkedHashMap<>();
    private final List<ColumnMatch> matches = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();

    private ColumnMapping(List<String> header, long headerRow) {
        this.header = List.copyOf(header);
        this.headerRow = headerRow;
    }

    /** {@link #resolve(List, long, List, Map, Map, List)} with no alternatives and the header in row 1. */
    public static ColumnMapping resolve(List<String> header, List<ColumnSpec> columns, Map<String, String> chosen,
                                       Map<String, String> remembered) {
        return resolve(header, 1, columns, chosen, remembered, List.of());
    }

    /**
     * @param chosen       the import's own mapping: the file's header → column id, "" to leave the column out
     * @param remembered   choices of earlier imports, likewise ({@link ColumnMemory}); one naming a column that
     *                     no longer exists is passed over
     * @param alternatives groups of column ids of which the file needs at least one (a territory by code or by name)
     */
    public static ColumnMapping resolve(List<String> header, long headerRow, List<ColumnSpec> columns, Map<String, String> chosen,
                                        Map<String, String> remembered, List<List<String>> alternatives) {
        ColumnMapping mapping = new ColumnMapping(header, headerRow);
        mapping.match(columns, Headers.normalised(chosen), remembered == null ? Map.of() : remembered);
        mapping.checkRequired(columns, alternatives);
        return mapping;
    }

    private void match(List<ColumnSpec> columns, Map<String, String> chosen, Map<String, String> remembered) {
        Map<String, ColumnSpec> byId = new HashMap<>();
        Map<String, Candidate> standard = new HashMap<>();
        for (ColumnSpec column : columns) {
            byId.put(column.id(), column);
            standard.putIfAbsent(Headers.normalise(column.header()), new Candidate(column, 0));
            for (int i = 0; i < column.aliases().size(); i++) {
                standard.putIfAbsent(Headers.normalise(column.aliases().get(i)), new Candidate(column, i + 1));
            }
        }
        // The person's choices for this file come first: a remembered one for a column they placed elsewhere is passed over.
        java.util.Set<String> chosenColumns = new java.util.HashSet<>();
        for (String cell : header) {
            String choice = chosen.get(Headers.normalise(cell));
            if (choice != null && !choice.isEmpty()) {
                chosenColumns.add(choice);
            }
        }
        String[] assigned = new String[header.size()];
        String[] sources = new String[header.size()];
        Map<String, Integer> explicit = new HashMap<>();
        Map<String, int[]> best = new HashMap<>(); // column id → {index, rank} of its best standard match
        for (int i = 0; i < header.size(); i++) {
            String key = Headers.normalise(header.get(i));
            sources[i] = ColumnMatch.NONE;
            if (key.isEmpty()) {
                continue;
            }
            String choice = chosen.get(key);
            String source = ColumnMatch.CHOSEN;
            String memory = remembered.get(key);
            if (choice == null && memory != null && (memory.isEmpty() || byId.containsKey(memory) && !chosenColumns.contains(memory))) {
                choice = memory;
                source = ColumnMatch.REMEMBERED;
            }
            if (choice != null) {
                sources[i] = source;
                if (choice.isEmpty()) {
                    continue;
                }
                ColumnSpec column = byId.get(choice);
                if (column == null) {
                    problems.add(new RowProblem(headerRow, header.get(i), TEXTS.text("table.unknown-choice", header.get(i), choice)));
                } else if (explicit.putIfAbsent(column.id(), i) != null) {
                    duplicate(column);
                } else {
                    assigned[i] = column.id();
                }
                continue;
            }
            Candidate candidate = standard.get(key);
            if (candidate == null) {
                continue;
            }
            int[] earlier = best.get(candidate.column.id());
            if (earlier == null || candidate.rank < earlier[1]) {
                best.put(candidate.column.id(), new int[] {i, candidate.rank});
            } else if (candidate.rank == earlier[1]) {
                duplicate(candidate.column);
            }
        }
        best.forEach((id, found) -> {
            if (!explicit.containsKey(id)) {
                assigned[found[0]] = id;
                sources[found[0]] = ColumnMatch.STANDARD;
            }
        });
        for (int i = 0; i < header.size(); i++) {
            if (assigned[i] != null) {
                indexes.put(assigned[i], i);
            }
            matches.add(new ColumnMatch(header.get(i), assigned[i], sources[i]));
        }
    }

    private void duplicate(ColumnSpec column) {
        org.oko.platform.api.rest.ApiMessage text = TEXTS.text("table.duplicate-column", column.header());
        if (problems.stream().noneMatch(p -> p.message().equals(text.ru()))) {
            problems.add(new RowProblem(headerRow, column.header(), text));
        }
    }

    private void checkRequired(List<ColumnSpec> columns, List<List<String>> alternatives) {
        List<String> missing = new ArrayList<>();
        Map<String, ColumnSpec> byId = new HashMap<>();
        for (ColumnSpec column : columns) {
            byId.put(column.id(), column);
            if (column.required() && !indexes.containsKey(column.id())) {
                missing.add("«" + column.header() + "»");
            }
        }
        for (List<String> group : alternatives) {
            if (group.stream().noneMatch(indexes::containsKey)) {
                missing.add(group.stream().map(id -> "«" + byId.get(id).header() + "»")
                        .reduce((one, other) -> TEXTS.ru("table.either", one, other)).orElseThrow());
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new RowProblem(headerRow, null, TEXTS.text("table.required-missing", String.join(", ", missing))));
        }
    }

    private record Candidate(ColumnSpec column, int rank) {
    }

    /** The index of the file's column holding {@code id}, or -1. */
    public int index(String id) {
        return indexes.getOrDefault(id, -1);
    }

    public boolean has(String id) {
        return indexes.containsKey(id);
    }

    /** The row's cell of column {@code id}, "" when the file has no such column. */
    public String cell(TableRow row, String id) {
        return row.cell(index(id));
    }

    /** The ids of the columns found, in file order. */
    public List<String> found() {
        List<String> ids = new ArrayList<>(indexes.keySet());
        ids.sort((a, b) -> Integer.compare(indexes.get(a), indexes.get(b)));
        return Collections.unmodifiableList(ids);
    }

    /** How each column of the file is read, in file order. */
    public List<ColumnMatch> matches() {
        return Collections.unmodifiableList(matches);
    }

    /** Problems of the header; with any of them no row can be read. */
    public List<RowProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** The choices made for this file that are worth remembering: normalised header → column id ("" = left out). */
    public Map<String, String> choices() {
        return choices(matches);
    }

    /**
     * The person's choice sent with an import ({@code columns}): a JSON object, the file's header → a column
     * id ("" leaves the column out); empty when none was sent. Refused (400, {@code table.columns-invalid})
     * when it is not such an object, before anything is read.
     */
    public static Map<String, String> chosen(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw TEXTS.refusal(org.oko.platform.api.rest.ApiException.Kind.INVALID, "table.columns-invalid", e.getOriginalMessage());
        }
    }

    /** The person's choices among these matches ({@link ColumnMatch#CHOSEN}), for {@link ColumnMemory#remember}. */
    public static Map<String, String> choices(List<ColumnMatch> matches) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (ColumnMatch match : matches) {
            if (ColumnMatch.CHOSEN.equals(match.source())) {
                choices.put(Headers.normalise(match.header()), match.column() == null ? "" : match.column());
            }
        }
        return choices;
    }

    /** The error of a row cut short ({@link TableRow#cutShort}): the columns it lacks, named. */
    public RowProblem cutShort(TableRow row) {
        int cells = row.cells().size();
        int size = header.size();
        List<String> quoted = new ArrayList<>();
        for (int i = cells; i < Math.min(size, cells + 5); i++) {
            quoted.add("«" + header.get(i) + "»");
        }
        return new RowProblem(row.number(), cells < size ? header.get(cells) : null, TEXTS.text(size - cells > 5 ? "table.row-short.more" : "table.row-short", String.join(", ", quoted), cells, size, size - cells - 5));
    }
}
