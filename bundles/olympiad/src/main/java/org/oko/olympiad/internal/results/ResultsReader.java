package org.oko.olympiad.internal.results;

import static org.oko.olympiad.internal.OlympiadTexts.TEXTS;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;

import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.rules.Status;
import org.oko.olympiad.internal.year.OlympiadYear;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.TableImport;
import org.oko.tables.api.TableRow;

/**
 * Reads one stage's results file — a row per participation — through the kit's {@link TableImport}
 * (streamed XLSX or CSV, columns matched, all or nothing) and checks each row against the year: a known
 * school within the importer's scope, a subject of the year held for the grade at this stage, a score not
 * above the subject's maximum where it is set, a status the organiser writes (or none, then it is computed).
 */
public final class ResultsReader implements TableImport.RowCheck<Participation> {

    private static final int MAX_CODE = 40;

    private final OlympiadYear year;
    private final OlympiadYear.Stage stage;
    private final Scores scores;
    private final Predicate<String> knownSchool;
    private final Function<String, String> territoryOf;
    private final TableImport table;
    private final Map<String, Long> seen = new HashMap<>();

    /**
     * @param knownSchool a school the importer may write for
     * @param chosen      the import's own mapping: the file's header → column id ({@link Columns#RESULTS}), "" to leave it out
     * @param remembered  choices of earlier imports by normalised header
     */
    public ResultsReader(OlympiadYear year, OlympiadYear.Stage stage, Scores scores, Predicate<String> knownSchool,
                         Function<String, String> territoryOf, Map<String, String> chosen, Map<String, String> remembered, LongConsumer progress) {
        this.year = year;
        this.stage = stage;
        this.scores = scores;
        this.knownSchool = knownSchool;
        this.territoryOf = territoryOf;
        this.table = new TableImport(Columns.RESULTS, chosen, remembered, progress);
    }

    /** @param sink given each good row with its row number, while the file has no problem yet */
    public TableImport.Outcome read(Path file, String fileName, ObjLongConsumer<Participation> sink) throws IOException {
        return table.read(file, fileName, this, sink);
    }

    @Override
    public Participation check(TableRow cells, ColumnMapping columns, TableImport.Problems problems) {
        long line = cells.number();
        int before = problems.count();
        String code = trimmed(cells.cell(columns.index(Columns.PARTICIPANT)));
        String school = trimmed(cells.cell(columns.index(Columns.SCHOOL)));
        if (code.isEmpty()) {
            problems.add(line, "Код участника", TEXTS.text("olympiad.problem.no-participant"));
        } else if (code.length() > MAX_CODE) {
            problems.add(line, "Код участника", TEXTS.text("olympiad.problem.participant-too-long", MAX_CODE));
        }
        if (!knownSchool.test(school)) {
            problems.add(line, "Код ОО", TEXTS.text("olympiad.problem.unknown-school", school));
        }
        String gradeText = trimmed(cells.cell(columns.index(Columns.GRADE)));
        Integer grade = Cells.grade(gradeText);
        String subjectText = trimmed(cells.cell(columns.index(Columns.SUBJECT)));
        Optional<OlympiadYear.Subject> subject = Cells.subject(year, subjectText);
        if (grade == null) {
            problems.add(line, "Класс", TEXTS.text("olympiad.problem.grade", gradeText));
        }
        if (subject.isEmpty()) {
            problems.add(line, "Предмет", TEXTS.text("olympiad.problem.subject", subjectText, year.key()));
        } else if (grade != null && (!subject.get().heldFor(grade) || grade < stage.minGrade())) {
            problems.add(line, "Класс", TEXTS.text("olympiad.problem.grade-not-held", subject.get().name(), grade, stage.name()));
        }
        String scoreText = trimmed(cells.cell(columns.index(Columns.SCORE)));
        BigDecimal score = Cells.score(scoreText);
        if (score == null) {
            problems.add(line, "Балл", TEXTS.text("olympiad.problem.score", scoreText));
        }
        String statusText = trimmed(cells.cell(columns.index(Columns.STATUS)));
        Status status = statusText.isEmpty() ? null : Status.read(statusText);
        if (!statusText.isEmpty() && status == null) {
            problems.add(line, "Статус", TEXTS.text("olympiad.problem.status", statusText));
        }
        if (problems.count() > before) {
            return null;
        }
        Optional<BigDecimal> max = scores.max(stage.code(), subject.get().code(), grade, territoryOf.apply(school));
        if (max.isPresent() && score.compareTo(max.get()) > 0) {
            problems.add(line, "Балл", TEXTS.text("olympiad.problem.above-max", score.toPlainString(), max.get().toPlainString()));
            return null;
        }
        Long earlier = seen.putIfAbsent(code + "|" + subject.get().code(), line);
        if (earlier != null) {
            problems.add(line, "Код участника", TEXTS.text("olympiad.problem.duplicate", code, subject.get().name(), earlier));
            return null;
        }
        return new Participation(year.academicYear(), stage.code(), subject.get().code(), code, grade, school, score, status);
    }

    private static String trimmed(String cell) {
        return cell == null ? "" : cell.trim();
    }
}
