package org.oko.vpr.internal.importer;

import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;

import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.TableImport;
import org.oko.tables.api.TableRow;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Result;

/**
 * Reads a results file shaped like the federal system's export — one row per participant, tasks as
 * columns — through the platform's {@link TableImport} (streamed XLSX or CSV, columns matched, all or
 * nothing, rows cut short refused), checking every row against the test's spec. Nothing is kept per
 * row except the works' keys.
 *
 * <p>A work is a participant of a school: schools number their participants themselves (from 00001),
 * so the same participant code in two schools is two works, and only a code twice in one school is a
 * duplicate ({@link Result#key}).
 */
public final class ResultsReader implements TableImport.RowCheck<Result> {

    /** The column a participant's problem is about, as the problems name it. */
    private static final String PARTICIPANT = TEXTS.ru("vpr.problem.column.participant");

    private final TestSpec spec;
    private final Predicate<String> knownSchool;
    private final Set<String> alreadyStored;
    private final TableImport table;
    private final Map<String, Long> seen = new HashMap<>();
    private int[] tasks;

    /**
     * @param alreadyStored keys ({@link Result#key}) of the works stored for this test and not being replaced: a duplicate
     * @param chosen        the import's own mapping: the file's header → column id ({@link Columns}), "" to leave it out
     * @param remembered    choices of earlier imports by normalised header, likewise
     * @param progress      told the number of rows read, every thousand rows
     */
    public ResultsReader(TestSpec spec, Predicate<String> knownSchool, Set<String> alreadyStored, Map<String, String> chosen,
                         Map<String, String> remembered, LongConsumer progress) {
        this.spec = spec;
        this.knownSchool = knownSchool;
        this.alreadyStored = alreadyStored;
        this.table = new TableImport(Columns.of(spec), chosen, remembered, progress);
    }

    /** @param sink given each good row with its row number, while the file has no problem yet */
    public TableImport.Outcome read(Path file, String fileName, ObjLongConsumer<Result> sink) throws IOException {
        return table.read(file, fileName, this, sink);
    }

    @Override
    public void header(ColumnMapping columns) {
        tasks = new int[spec.tasks().size()];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = columns.index(Columns.task(spec.tasks().get(i).label()));
        }
    }

    @Override
    public Result check(TableRow cells, ColumnMapping columns, TableImport.Problems problems) {
        long line = cells.number();
        int before = problems.count();
        String participant = cells.cell(columns.index(Columns.PARTICIPANT));
        String school = cells.cell(columns.index(Columns.SCHOOL));
        if (participant.isEmpty()) {
            problems.add(line, PARTICIPANT, TEXTS.text("vpr.problem.no-participant"));
        } else if (participant.length() > 40) {
            problems.add(line, PARTICIPANT, TEXTS.text("vpr.problem.participant-too-long"));
        } else {
            String key = Result.key(school, participant);
            Long earlier = seen.putIfAbsent(key, line);
            if (earlier != null) {
                problems.add(line, PARTICIPANT, TEXTS.text("vpr.problem.duplicate-participant", participant, school, earlier));
            } else if (alreadyStored.contains(key)) {
                problems.add(line, PARTICIPANT, TEXTS.text("vpr.problem.already-imported", participant, school));
            }
        }
        if (!knownSchool.test(school)) {
            problems.add(line, TEXTS.ru("vpr.problem.column.school"), TEXTS.text("vpr.problem.unknown-school", school));
        }
        byte[] scores = new byte[tasks.length];
        int sum = 0;
        for (int i = 0; i < scores.length; i++) {
            TestSpec.Task task = spec.tasks().get(i);
            String text = cells.cell(tasks[i]);
            Integer score = score(text);
            if (score == null) {
                problems.add(line, TEXTS.ru("vpr.problem.column.task", task.label()), TEXTS.text("vpr.problem.score-not-whole", text));
            } else if (score > task.max()) {
                problems.add(line, TEXTS.ru("vpr.problem.column.task", task.label()),
                        TEXTS.text("vpr.problem.score-above-max", score, task.label(), task.max()));
            } else {
                scores[i] = score.byteValue();
                sum += score;
            }
        }
        int total = sum;
        boolean tasksRead = problems.count() == before; // a bad task score already explains a total that does not add up
        String totalText = cells.cell(columns.index(Columns.TOTAL));
        if (!totalText.isEmpty() && tasksRead) {
            Integer stated = score(totalText);
            if (stated == null || stated != sum) {
                problems.add(line, TEXTS.ru("vpr.problem.column.total"), TEXTS.text("vpr.problem.total-not-sum", totalText, sum));
            }
        }
        int mark = spec.scale().markFor(total);
        String markText = cells.cell(columns.index(Columns.MARK));
        if (!markText.isEmpty() && tasksRead) {
            Integer stated = score(markText);
            if (stated == null || stated != mark) {
                problems.add(line, TEXTS.ru("vpr.problem.column.mark"), TEXTS.text("vpr.problem.mark-off-scale", markText, total, mark));
            }
        }
        String journalText = cells.cell(columns.index(Columns.JOURNAL));
        int journal = 0;
        if (!journalText.isEmpty()) {
            Integer stated = score(journalText);
            if (stated == null || stated < 2 || stated > 5) {
                problems.add(line, TEXTS.ru("vpr.problem.column.journal"), TEXTS.text("vpr.problem.journal-mark", journalText));
            } else {
                journal = stated;
            }
        }
        String variantText = cells.cell(columns.index(Columns.VARIANT));
        Integer variant = variantText.isEmpty() ? Integer.valueOf(0) : score(variantText);
        if (variant == null) {
            problems.add(line, TEXTS.ru("vpr.problem.column.variant"), TEXTS.text("vpr.problem.variant-not-number", variantText));
        }
        if (problems.count() > before) {
            return null;
        }
        String className = cells.cell(columns.index(Columns.CLASS));
        return new Result(participant, school, className.length() > 10 ? className.substring(0, 10) : className,
                variant, scores, total, mark, journal);
    }


    /** A whole number ≥ 0; "", "-", "Х"/"X", "Н" (not done) count as 0. */
    private static Integer score(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("-") || t.equalsIgnoreCase("x") || t.equalsIgnoreCase("х") || t.equalsIgnoreCase("н")) {
            return 0;
        }
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        if (t.isEmpty() || t.length() > 3) {
            return null;
        }
        int value = 0;
        for (int i = 0; i < t.length(); i++) { // by hand, not a regular expression: called for every cell of a region's file
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
