package org.oko.olympiad.internal.admission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.oko.olympiad.internal.rules.Judgement;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.rules.Status;
import org.oko.olympiad.internal.year.OlympiadYear;

/**
 * Who is admitted to the stage after a given one: this year's participants of the stage who scored at least
 * the passing score of their subject and grade (their territory's, else the region's), and last year's
 * winners and prize-winners of the next stage itself, a grade up, while they are still at school and in a
 * grade the next stage is held for. Pure.
 */
public final class Admission {

    public static final String BY_SCORE = "score";
    public static final String LAST_YEAR = "last-year";

    /**
     * @param bases          why: {@link #BY_SCORE}, {@link #LAST_YEAR} or both
     * @param score          this year's score at the stage, null when admitted by last year's status only
     * @param passing        the passing score it was held against, null likewise
     * @param lastYearStatus last year's status at the next stage, null when none
     */
    public record Admitted(String participant, String school, String territory, int grade, String subject, BigDecimal score,
                           BigDecimal passing, Set<String> bases, Status lastYearStatus) {
    }

    /** A subject and grade of a territory whose passing score is not set: nobody is admitted from it by score. */
    public record NoPassingScore(String subject, int grade, String territory, int participations) {
    }

    public record Result(String stage, String next, List<Admitted> admitted, List<NoPassingScore> noPassingScore) {
    }

    private Admission() {
    }

    /**
     * @param year         this year
     * @param stageCode    the stage whose results admit to the next one
     * @param thisYear     this year's participations (every stage: a participant's latest school is taken from them)
     * @param lastYear     last year's participations, with their statuses in {@code lastYearJudged}
     * @param territoryOf  a school's territory code, null when the catalog does not place it
     */
    public static Result of(OlympiadYear year, String stageCode, List<Participation> thisYear, Scores scores,
                            List<Participation> lastYear, Judgement lastYearJudged, Function<String, String> territoryOf) {
        OlympiadYear.Stage next = year.next(stageCode).orElseThrow(() -> new IllegalArgumentException(stageCode));
        Map<String, Admitted> admitted = new LinkedHashMap<>();
        Map<String, NoPassingScore> missing = new LinkedHashMap<>();
        Map<String, String> schoolNow = new HashMap<>();
        for (Participation p : thisYear) {
            schoolNow.put(p.participant(), p.school());
            if (!p.stage().equals(stageCode) || !heldAt(year, next, p.subject(), p.grade())) {
                continue;
            }
            String territory = territoryOf.apply(p.school());
            Optional<BigDecimal> passing = scores.passing(stageCode, p.subject(), p.grade(), territory);
            if (passing.isEmpty()) {
                missing.merge(p.subject() + "|" + p.grade() + "|" + territory, new NoPassingScore(p.subject(), p.grade(), territory, 1),
                        (a, b) -> new NoPassingScore(a.subject(), a.grade(), a.territory(), a.participations() + 1));
            } else if (p.score().compareTo(passing.get()) >= 0) {
                admitted.put(p.participant() + "|" + p.subject(), new Admitted(p.participant(), p.school(), territory, p.grade(), p.subject(),
                        p.score(), passing.get(), Set.of(BY_SCORE), null));
            }
        }
        for (Participation p : lastYear) {
            int grade = p.grade() + 1;
            if (!p.stage().equals(next.code()) || !lastYearJudged.status(p).awarded() || !heldAt(year, next, p.subject(), grade)) {
                continue;
            }
            String key = p.participant() + "|" + p.subject();
            Admitted already = admitted.get(key);
            Status status = lastYearJudged.status(p);
            if (already != null) {
                Set<String> bases = new LinkedHashSet<>(already.bases());
                bases.add(LAST_YEAR);
                admitted.put(key, new Admitted(already.participant(), already.school(), already.territory(), already.grade(), already.subject(),
                        already.score(), already.passing(), bases, status));
            } else {
                String school = schoolNow.getOrDefault(p.participant(), p.school());
                admitted.put(key, new Admitted(p.participant(), school, territoryOf.apply(school), grade, p.subject(), null, null,
                        Set.of(LAST_YEAR), status));
            }
        }
        List<Admitted> list = new ArrayList<>(admitted.values());
        list.sort(Comparator.comparing((Admitted a) -> a.territory() == null ? "" : a.territory()).thenComparing(Admitted::school)
                .thenComparing(Admitted::subject).thenComparingInt(Admitted::grade).thenComparing(Admitted::participant));
        return new Result(stageCode, next.code(), list, new ArrayList<>(missing.values()));
    }

    /** The next stage is held for the subject in that grade (a school leaver, grade 12, never is). */
    private static boolean heldAt(OlympiadYear year, OlympiadYear.Stage next, String subject, int grade) {
        return grade >= next.minGrade() && year.subject(subject).map(s -> s.heldFor(grade)).orElse(false);
    }
}
