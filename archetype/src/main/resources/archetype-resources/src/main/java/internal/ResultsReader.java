package ${package}.internal;

import static ${package}.internal.ModuleTexts.TEXTS;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.TableImport;
import org.oko.tables.api.TableRow;

/**
 * The module's own rules for one row of a results file; reading the file, matching its columns and
 * counting problems is the platform's ({@link TableImport}).
 */
public final class ResultsReader implements TableImport.RowCheck<Result> {

    private final Spec spec;
    private final Predicate<String> knownSchool;
    private final Map<String, Long> seen = new HashMap<>();

    public ResultsReader(Spec spec, Predicate<String> knownSchool) {
        this.spec = spec;
        this.knownSchool = knownSchool;
    }

    @Override
    public Result check(TableRow row, ColumnMapping columns, TableImport.Problems problems) {
        int before = problems.count();
        String school = columns.cell(row, Columns.SCHOOL);
        String participant = columns.cell(row, Columns.PARTICIPANT);
        String scoreText = columns.cell(row, Columns.SCORE);
        if (!knownSchool.test(school)) {
            problems.add(row.number(), TEXTS.ru("${moduleId}.problem.column.school"), TEXTS.text("${moduleId}.problem.unknown-school", school).joined());
        }
        if (participant.isEmpty() || participant.length() > 40) {
            problems.add(row.number(), TEXTS.ru("${moduleId}.problem.column.participant"), TEXTS.text("${moduleId}.problem.participant").joined());
        } else {
            Long earlier = seen.putIfAbsent(school + "|" + participant, row.number());
            if (earlier != null) {
                problems.add(row.number(), TEXTS.ru("${moduleId}.problem.column.participant"),
                        TEXTS.text("${moduleId}.problem.duplicate-participant", participant, earlier).joined());
            }
        }
        Integer score = wholeNumber(scoreText);
        if (score == null || score < 0 || score > spec.maxScore()) {
            problems.add(row.number(), TEXTS.ru("${moduleId}.problem.column.score"),
                    TEXTS.text("${moduleId}.problem.score", scoreText, spec.maxScore()).joined());
        }
        return problems.count() == before ? new Result(school, participant, score) : null;
    }

    private static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
