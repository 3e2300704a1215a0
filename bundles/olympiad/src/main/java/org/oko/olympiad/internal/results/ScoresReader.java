package org.oko.olympiad.internal.results;

import static org.oko.olympiad.internal.OlympiadTexts.TEXTS;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.year.OlympiadYear;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.TableImport;
import org.oko.tables.api.TableRow;

/**
 * Reads the organisers' maximum and passing scores of a stage — a row per subject and grade, with a
 * territory where a municipality sets its own — through the kit's {@link TableImport}, all or nothing.
 */
public final class ScoresReader implements TableImport.RowCheck<Scores.Setting> {

    private final OlympiadYear year;
    private final OlympiadYear.Stage stage;
    private final Predicate<String> mayTerritory;
    private final String actor;
    private final Instant at = Instant.now();
    private final TableImport table;
    private final Map<String, Long> seen = new HashMap<>();

    /**
     * @param mayTerritory whether the importer may set the scores of a territory ({@link Scores#REGION} for the region's own)
     */
    public ScoresReader(OlympiadYear year, OlympiadYear.Stage stage, Predicate<String> mayTerritory, String actor,
                        Map<String, String> chosen, Map<String, String> remembered) {
        this.year = year;
        this.stage = stage;
        this.mayTerritory = mayTerritory;
        this.actor = actor;
        this.table = new TableImport(Columns.SCORES, chosen, remembered, null);
    }

    public TableImport.Outcome read(Path file, String fileName, java.util.function.ObjLongConsumer<Scores.Setting> sink) throws IOException {
        return table.read(file, fileName, this, sink);
    }

    @Override
    public Scores.Setting check(TableRow cells, ColumnMapping columns, TableImport.Problems problems) {
        long line = cells.number();
        int before = problems.count();
        String subjectText = trimmed(cells.cell(columns.index(Columns.SUBJECT)));
        Optional<OlympiadYear.Subject> subject = Cells.subject(year, subjectText);
        String gradeText = trimmed(cells.cell(columns.index(Columns.GRADE)));
        Integer grade = Cells.grade(gradeText);
        String territory = trimmed(cells.cell(columns.index(Columns.TERRITORY)));
        String maxText = trimmed(cells.cell(columns.index(Columns.MAX)));
        String passingText = trimmed(cells.cell(columns.index(Columns.PASSING)));
        BigDecimal max = maxText.isEmpty() ? null : Cells.score(maxText);
        BigDecimal passing = passingText.isEmpty() ? null : Cells.score(passingText);
        if (subject.isEmpty()) {
            problems.add(line, "Предмет", TEXTS.text("olympiad.problem.subject", subjectText, year.key()));
        }
        if (grade == null) {
            problems.add(line, "Класс", TEXTS.text("olympiad.problem.grade", gradeText));
        } else if (subject.isPresent() && (!subject.get().heldFor(grade) || grade < stage.minGrade())) {
            problems.add(line, "Класс", TEXTS.text("olympiad.problem.grade-not-held", subject.get().name(), grade, stage.name()));
        }
        if (!maxText.isEmpty() && (max == null || max.signum() == 0)) {
            problems.add(line, "Максимальный балл", TEXTS.text("olympiad.problem.score", maxText));
        }
        if (!passingText.isEmpty() && passing == null) {
            problems.add(line, "Проходной балл", TEXTS.text("olympiad.problem.score", passingText));
        }
        if (maxText.isEmpty() && passingText.isEmpty()) {
            problems.add(line, "Проходной балл", TEXTS.text("olympiad.problem.no-scores"));
        }
        if (!mayTerritory.test(territory)) {
            problems.add(line, "Код территории", TEXTS.text(territory.isEmpty() ? "olympiad.problem.region-scores"
                    : "olympiad.problem.territory-scores", territory));
        }
        if (problems.count() > before) {
            return null;
        }
        if (max != null && passing != null && passing.compareTo(max) > 0) {
            problems.add(line, "Проходной балл", TEXTS.text("olympiad.problem.passing-above-max", passing.toPlainString(), max.toPlainString()));
            return null;
        }
        Long earlier = seen.putIfAbsent(subject.get().code() + "|" + grade + "|" + territory, line);
        if (earlier != null) {
            problems.add(line, "Предмет", TEXTS.text("olympiad.problem.scores-twice", subject.get().name(), grade, earlier));
            return null;
        }
        return new Scores.Setting(year.academicYear(), stage.code(), subject.get().code(), grade, territory, max, passing, actor, at);
    }

    private static String trimmed(String cell) {
        return cell == null ? "" : cell.trim();
    }
}
