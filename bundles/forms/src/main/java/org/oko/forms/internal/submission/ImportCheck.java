package org.oko.forms.internal.submission;

import static org.oko.forms.internal.FormsTexts.TEXTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oko.forms.api.CellKey;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.FormImporter;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Rows;
import org.oko.forms.api.Table;
import org.oko.forms.internal.eval.ValueCodec;

/**
 * Checks what an importer read against the form exactly as typed values are checked (the key is
 * an input, not calculated by a module, the value fits its indicator, open tables keep their row
 * limit), collecting every problem rather than stopping at the first: the person fixes the file once.
 */
final class ImportCheck {

    /** More values than this in one file are not one school's form. */
    static final int MAX_VALUES = 50_000;

    /**
     * @param values   typed values by key, in the file's order (empty when there are problems)
     * @param problems every problem, by row
     */
    record Checked(Map<String, Object> values, List<FormImporter.Problem> problems) {
    }

    private ImportCheck() {
    }

    /**
     * @param calculated keys that modules' calculators fill: nobody may write them
     * @param stored     keys the submission holds values for now (for the row limit of open tables)
     */
    static Checked check(FormDefinition definition, List<RowSpec> structuralUnits, Set<String> calculated,
                         Collection<String> stored, FormImporter.Result result) {
        List<FormImporter.Problem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (result == null) {
            problems.add(new FormImporter.Problem(0, null, TEXTS.ru("import.nothing-read")));
            return new Checked(Map.of(), problems);
        }
        if (result.problems() != null) {
            result.problems().stream().filter(p -> p != null).forEach(problems::add);
        }
        List<FormImporter.Value> read = result.values() == null ? List.of() : result.values();
        if (read.size() > MAX_VALUES) {
            problems.add(new FormImporter.Problem(0, null, TEXTS.ru("import.too-many-values", MAX_VALUES)));
            return done(Map.of(), problems);
        }
        if (read.isEmpty() && problems.isEmpty()) {
            problems.add(new FormImporter.Problem(0, null, TEXTS.ru("import.no-values")));
        }
        Map<String, Integer> rowOf = new HashMap<>();
        for (FormImporter.Value value : read) {
            if (value == null) {
                continue;
            }
            String key = value.key();
            int row = value.row();
            if (key == null || key.isBlank()) {
                problems.add(new FormImporter.Problem(row, null, TEXTS.ru("import.no-indicator")));
                continue;
            }
            Integer earlier = rowOf.putIfAbsent(key, row);
            if (earlier != null) {
                problems.add(new FormImporter.Problem(row, key, earlier > 0 ? TEXTS.ru("import.indicator-twice-in-row", key, earlier) : TEXTS.ru("import.indicator-twice", key)));
                continue;
            }
            Indicator indicator;
            try {
                indicator = ValueKeys.input(definition, key, structuralUnits);
            } catch (SubmissionException refused) {
                problems.add(new FormImporter.Problem(row, key, refused.text().ru()));
                continue;
            }
            if (calculated.contains(key)) {
                problems.add(new FormImporter.Problem(row, key, TEXTS.ru("import.calculated", key)));
                continue;
            }
            if (indicator.type() == org.oko.forms.api.IndicatorType.FILE) {
                problems.add(new FormImporter.Problem(row, key, TEXTS.ru("import.file", key)));
                continue;
            }
            ValueCodec.Decoded decoded = ValueCodec.decode(indicator, value.value());
            if (!decoded.ok()) {
                problems.add(new FormImporter.Problem(row, key, TEXTS.ru("import.value-refused", key, decoded.error().ru())));
                continue;
            }
            values.put(key, decoded.value());
        }
        checkOpenRows(definition, stored, values.keySet(), problems);
        return done(values, problems);
    }

    private static Checked done(Map<String, Object> values, List<FormImporter.Problem> problems) {
        if (problems.isEmpty()) {
            return new Checked(values, List.of());
        }
        List<FormImporter.Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(FormImporter.Problem::row));
        return new Checked(Map.of(), sorted);
    }

    /** Open tables keep at most maxRows rows, counting the rows stored and the rows the file adds. */
    private static void checkOpenRows(FormDefinition definition, Collection<String> stored, Collection<String> added,
                                      List<FormImporter.Problem> problems) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (Collection<String> keys : List.of(stored, added)) {
            for (String key : keys) {
                CellKey.parse(key).ifPresent(cell -> rows.computeIfAbsent(cell.table(), t -> new HashSet<>()).add(cell.row()));
            }
        }
        rows.forEach((code, keys) -> {
            if (definition.item(code).orElse(null) instanceof Table table && table.rows().kind() == Rows.Kind.OPEN
                    && table.rows().maxRows() != null && keys.size() > table.rows().maxRows()) {
                problems.add(new FormImporter.Problem(0, code, TEXTS.ru("import.too-many-rows", code, table.rows().maxRows(), keys.size())));
            }
        });
    }
}
