package org.oko.gto.internal.results;

import static org.oko.gto.internal.GtoTexts.TEXTS;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;

import org.oko.gto.internal.badge.BadgeCalculator;
import org.oko.gto.internal.norms.Norms;
import org.oko.gto.internal.norms.NormsBook;
import org.oko.gto.internal.norms.Sex;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.TableImport;
import org.oko.tables.api.TableRow;

/**
 * Reads a ГТО results file — one row per participant and test date, events as columns — through the
 * kit's {@link TableImport} (streamed XLSX or CSV, columns matched, all or nothing), checks every row
 * and judges it by the norms in force on its test date: the stage from the date of birth, each event's
 * level and the badge. A problem names its row and column; the file is written only without any.
 */
public final class ResultsReader implements TableImport.RowCheck<Participant> {

    // Strict: 31.02 is a mistake to name, not a date to round down to 28.02.
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_CODE = 40;

    private final NormsBook book;
    private final Map<String, Norms.Event> events;
    private final Predicate<String> knownSchool;
    private final Set<String> alreadyStored;
    private final TableImport table;
    private final Map<String, Long> seen = new HashMap<>();
    private final Map<String, Integer> eventColumns = new LinkedHashMap<>();

    /**
     * @param editions      the newest version of each edition of the norms
     * @param alreadyStored keys ({@link Participant#key}) stored already and not being replaced: a duplicate
     * @param chosen        the import's own mapping: the file's header → column id ({@link Columns}), "" to leave it out
     * @param remembered    choices of earlier imports by normalised header
     */
    public ResultsReader(List<Norms> editions, Predicate<String> knownSchool, Set<String> alreadyStored, Map<String, String> chosen,
                         Map<String, String> remembered, LongConsumer progress) {
        this.book = new NormsBook(editions);
        this.events = Columns.events(editions);
        this.knownSchool = knownSchool;
        this.alreadyStored = alreadyStored;
        this.table = new TableImport(Columns.of(editions), chosen, remembered, progress);
    }

    /** @param sink given each good row with its row number, while the file has no problem yet */
    public TableImport.Outcome read(Path file, String fileName, ObjLongConsumer<Participant> sink) throws IOException {
        return table.read(file, fileName, this, sink);
    }

    @Override
    public void header(ColumnMapping columns) {
        events.keySet().forEach(code -> {
            int index = columns.index(Columns.event(code));
            if (index >= 0) {
                eventColumns.put(code, index);
            }
        });
    }

    @Override
    public Participant check(TableRow cells, ColumnMapping columns, TableImport.Problems problems) {
        long line = cells.number();
        int before = problems.count();
        String code = cells.cell(columns.index(Columns.PARTICIPANT));
        String school = cells.cell(columns.index(Columns.SCHOOL));
        String gtoId = blankToNull(cells.cell(columns.index(Columns.GTO_ID)));
        if (code == null || code.isBlank()) {
            problems.add(line, "Код участника", TEXTS.text("gto.problem.no-participant"));
        } else if (code.length() > MAX_CODE) {
            problems.add(line, "Код участника", TEXTS.text("gto.problem.participant-too-long", MAX_CODE));
        }
        if (school == null || !knownSchool.test(school)) {
            problems.add(line, "Код ОО", TEXTS.text("gto.problem.unknown-school", school == null ? "" : school));
        }
        Sex sex = sex(cells.cell(columns.index(Columns.SEX)));
        if (sex == null) {
            problems.add(line, "Пол", TEXTS.text("gto.problem.sex", text(cells.cell(columns.index(Columns.SEX)))));
        }
        LocalDate born = date(cells.cell(columns.index(Columns.BIRTH_DATE)));
        LocalDate tested = date(cells.cell(columns.index(Columns.TEST_DATE)));
        if (born == null) {
            problems.add(line, "Дата рождения", TEXTS.text("gto.problem.date", text(cells.cell(columns.index(Columns.BIRTH_DATE)))));
        }
        if (tested == null) {
            problems.add(line, "Дата тестирования", TEXTS.text("gto.problem.date", text(cells.cell(columns.index(Columns.TEST_DATE)))));
        }
        if (problems.count() > before) {
            return null;
        }
        String key = school + "|" + code + "|" + tested;
        Long earlier = seen.putIfAbsent(key, line);
        if (earlier != null) {
            problems.add(line, "Код участника", TEXTS.text("gto.problem.duplicate", code, school, earlier));
            return null;
        }
        if (alreadyStored.contains(key)) {
            problems.add(line, "Код участника", TEXTS.text("gto.problem.already-imported", code, school, cells.cell(columns.index(Columns.TEST_DATE))));
            return null;
        }
        Optional<Norms> norms = book.inForce(tested);
        if (norms.isEmpty()) {
            problems.add(line, "Дата тестирования", TEXTS.text("gto.problem.no-norms", cells.cell(columns.index(Columns.TEST_DATE))));
            return null;
        }
        if (born.isAfter(tested)) {
            problems.add(line, "Дата рождения", TEXTS.text("gto.problem.born-after-test"));
            return null;
        }
        Optional<Norms.Stage> stage = NormsBook.stageOf(norms.get(), born, tested);
        if (stage.isEmpty()) {
            problems.add(line, "Дата рождения", TEXTS.text("gto.problem.no-stage", NormsBook.stageAge(norms.get(), born, tested), norms.get().key()));
            return null;
        }
        Map<String, String> results = new LinkedHashMap<>();
        eventColumns.forEach((event, index) -> {
            String written = cells.cell(index);
            if (written != null && !written.isBlank()) {
                results.put(event, written.trim());
            }
        });
        BadgeCalculator.Assessment assessment = BadgeCalculator.assess(stage.get(), sex, results);
        assessment.events().values().stream().filter(e -> e.problem() != null)
                .forEach(e -> problems.add(line, events.get(e.code()).name(), e.problem()));
        if (problems.count() > before) {
            return null;
        }
        return new Participant(code, gtoId, sex, born, school, tested, results, norms.get().key() + " v" + norms.get().version(), assessment);
    }

    /** «м», «ж», «мальчик», «девочка», «юноша», «девушка», «М»/«F» and the like; null for anything else. */
    static Sex sex(String written) {
        if (written == null) {
            return null;
        }
        String s = written.trim().toLowerCase(Locale.ROOT);
        if (List.of("м", "муж", "мужской", "мальчик", "юноша", "m", "male", "boy").contains(s)) {
            return Sex.BOYS;
        }
        if (List.of("ж", "жен", "женский", "девочка", "девушка", "f", "female", "girl").contains(s)) {
            return Sex.GIRLS;
        }
        return null;
    }

    /** dd.MM.yyyy (as the kit writes a spreadsheet's date) or ISO yyyy-MM-dd; null for anything else. */
    static LocalDate date(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String s = written.trim();
        try {
            return s.contains("-") ? LocalDate.parse(s) : LocalDate.parse(s, RUSSIAN_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(String cell) {
        return cell == null ? "" : cell;
    }

    private static String blankToNull(String cell) {
        return cell == null || cell.isBlank() ? null : cell.trim();
    }
}
