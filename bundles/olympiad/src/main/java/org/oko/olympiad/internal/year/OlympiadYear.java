package org.oko.olympiad.internal.year;

import static org.oko.olympiad.internal.OlympiadTexts.TEXTS;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.oko.platform.api.specs.JsonSpecType;

/**
 * One olympiad year as data (kind {@value YearType#KIND}): its stages in order with their dates and the
 * organisers' rules of awards and admission, and the subjects with the grades each is held for. A region
 * changes dates, quotas or subjects by publishing a newer version; the results of a year are judged by
 * the newest version of that year.
 *
 * @param key          the year's key, its academic year ("2025" for 2025/26)
 * @param academicYear the calendar year the academic year begins in
 * @param source       the order and decisions the values follow, for whoever checks them
 */
public record OlympiadYear(String key, int version, String title, String source, int academicYear, List<Stage> stages,
                           List<Subject> subjects) implements JsonSpecType.Checked {

    /** Ranks are made within each school, each territory, the region, or not here (the statuses come in the file). */
    public static final List<String> RANKINGS = List.of("school", "territory", "region", "none");

    /**
     * A stage (этап).
     *
     * @param minGrade     the lowest grade the stage is held for
     * @param rankWithin   where winners and prize-winners are ranked ({@link #RANKINGS})
     * @param quota        the share of a ranking's participants who may be winners and prize-winners together
     * @param awardAbove   a winner or prize-winner scores more than this share of the maximum score
     * @param passingSetBy who sets the passing score to the next stage: "territory" (each municipality for its
     *                     schools) or "region"
     */
    public record Stage(String code, String name, String from, String to, int minGrade, String rankWithin, double quota,
                        double awardAbove, String passingSetBy) {

        public boolean ranked() {
            return !"none".equals(rankWithin);
        }

        public boolean passingByTerritory() {
            return "territory".equals(passingSetBy);
        }
    }

    public record Subject(String code, String name, List<Integer> grades) {

        public boolean heldFor(int grade) {
            return grades != null && grades.contains(grade);
        }
    }

    public Optional<Stage> stage(String code) {
        return stages.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The stage after this one, empty after the last. */
    public Optional<Stage> next(String code) {
        for (int i = 0; i < stages.size() - 1; i++) {
            if (stages.get(i).code().equals(code)) {
                return Optional.of(stages.get(i + 1));
            }
        }
        return Optional.empty();
    }

    public Optional<Subject> subject(String code) {
        return subjects.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !key.equals(String.valueOf(academicYear))) {
            problems.add(TEXTS.ru("olympiad.year.problem.key"));
        }
        if (version < 1) {
            problems.add(TEXTS.ru("olympiad.year.problem.version"));
        }
        if (stages == null || stages.isEmpty()) {
            problems.add(TEXTS.ru("olympiad.year.problem.no-stages"));
        } else {
            Set<String> codes = new HashSet<>();
            for (Stage stage : stages) {
                String at = "stages[" + stage.code() + "]";
                if (stage.code() == null || !stage.code().matches("[a-z][a-z0-9-]{0,11}") || !codes.add(stage.code())) {
                    problems.add(TEXTS.ru("olympiad.year.problem.stage-code", at));
                }
                LocalDate from = date(stage.from());
                LocalDate to = date(stage.to());
                if (from == null || to == null || to.isBefore(from)) {
                    problems.add(TEXTS.ru("olympiad.year.problem.dates", at));
                }
                if (!RANKINGS.contains(stage.rankWithin())) {
                    problems.add(TEXTS.ru("olympiad.year.problem.rank", at, String.join(", ", RANKINGS)));
                }
                if (!(stage.quota() > 0 && stage.quota() <= 1) || !(stage.awardAbove() >= 0 && stage.awardAbove() < 1)) {
                    problems.add(TEXTS.ru("olympiad.year.problem.shares", at));
                }
                if (!"territory".equals(stage.passingSetBy()) && !"region".equals(stage.passingSetBy())) {
                    problems.add(TEXTS.ru("olympiad.year.problem.passing-set-by", at));
                }
                if (stage.minGrade() < 1 || stage.minGrade() > 11) {
                    problems.add(TEXTS.ru("olympiad.year.problem.grade", at));
                }
            }
        }
        if (subjects == null || subjects.isEmpty()) {
            problems.add(TEXTS.ru("olympiad.year.problem.no-subjects"));
        } else {
            Set<String> codes = new HashSet<>();
            for (Subject subject : subjects) {
                String at = "subjects[" + subject.code() + "]";
                if (subject.code() == null || !subject.code().matches("[a-z][a-z0-9-]{0,19}") || !codes.add(subject.code())) {
                    problems.add(TEXTS.ru("olympiad.year.problem.subject-code", at));
                }
                if (subject.grades() == null || subject.grades().isEmpty() || subject.grades().stream().anyMatch(g -> g == null || g < 1 || g > 11)) {
                    problems.add(TEXTS.ru("olympiad.year.problem.grades", at));
                }
            }
        }
        return problems;
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
