package org.oko.olympiad.internal.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.olympiad.internal.Fixtures.p;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.olympiad.internal.Fixtures;
import org.oko.olympiad.internal.rules.Judgement;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.rules.Status;

/** Admission to the next stage: the passing score (a territory's own first) and last year's winners and prize-winners. */
class AdmissionTest {

    private static final Map<String, String> TERRITORY = Map.of("S1", "T1", "S2", "T2", "S3", "T2");

    private static Scores.Setting passing(String stage, String subject, int grade, String territory, String passing) {
        return new Scores.Setting(2025, stage, subject, grade, territory, new BigDecimal("100"), new BigDecimal(passing), "centre", Instant.EPOCH);
    }

    @Test
    void theSchoolStageAdmitsByEachTerritorysPassingScoreAndNamesWhatIsNotSet() {
        List<Participation> now = List.of(
                p(2025, "school", "math", "A", 9, "S1", "40"),   // T1 passes at 40: admitted, on the score itself
                p(2025, "school", "math", "B", 9, "S1", "39.5"), // just below
                p(2025, "school", "math", "C", 9, "S2", "40"),   // T2 passes at 45 (the region's)
                p(2025, "school", "math", "D", 6, "S1", "99"),   // grade 6: the municipal stage is held from grade 7
                p(2025, "school", "physics", "E", 9, "S1", "90")); // no passing score set
        Scores scores = new Scores(List.of(passing("school", "math", 9, "T1", "40"), passing("school", "math", 9, Scores.REGION, "45"),
                passing("school", "math", 6, Scores.REGION, "10")));
        Admission.Result result = Admission.of(Fixtures.year2025(), "school", now, scores, List.of(),
                Judgement.of(Fixtures.year2024(), List.of(), new Scores(List.of()), TERRITORY::get), TERRITORY::get);
        assertEquals("municipal", result.next());
        assertEquals(List.of("A"), result.admitted().stream().map(Admission.Admitted::participant).toList());
        assertEquals(Set.of(Admission.BY_SCORE), result.admitted().get(0).bases());
        assertEquals(List.of(new Admission.NoPassingScore("physics", 9, "T1", 1)), result.noPassingScore());
    }

    @Test
    void lastYearsWinnersAndPrizeWinnersOfTheNextStageAreAdmittedAGradeUp() {
        List<Participation> lastYear = List.of(
                p(2024, "regional", "math", "F", 9, "S2", "70", Status.WINNER),        // now in 10: admitted
                p(2024, "regional", "math", "G", 10, "S2", "60", Status.PRIZE_WINNER), // now in 11: admitted, and scores this year too
                p(2024, "regional", "math", "H", 11, "S2", "80", Status.WINNER),       // left school
                p(2024, "regional", "math", "I", 9, "S2", "20", Status.PARTICIPANT),   // no diploma
                p(2024, "municipal", "math", "J", 9, "S2", "90", Status.WINNER));      // another stage
        List<Participation> now = List.of(p(2025, "municipal", "math", "G", 11, "S3", "55"), p(2025, "municipal", "math", "K", 10, "S3", "20"));
        Scores scores = new Scores(List.of(passing("municipal", "math", 11, Scores.REGION, "50"), passing("municipal", "math", 10, Scores.REGION, "50")));
        Judgement lastJudged = Judgement.of(Fixtures.year2024(), lastYear, new Scores(List.of()), TERRITORY::get);
        Admission.Result result = Admission.of(Fixtures.year2025(), "municipal", now, scores, lastYear, lastJudged, TERRITORY::get);
        assertEquals("regional", result.next());
        assertEquals(List.of("F", "G"), result.admitted().stream().map(Admission.Admitted::participant).toList());
        Admission.Admitted f = result.admitted().get(0);
        assertEquals(10, f.grade());
        assertEquals(Set.of(Admission.LAST_YEAR), f.bases());
        assertEquals(Status.WINNER, f.lastYearStatus());
        Admission.Admitted g = result.admitted().get(1);
        assertEquals(Set.of(Admission.BY_SCORE, Admission.LAST_YEAR), g.bases());
        assertEquals("S3", g.school(), "this year's school");
        assertEquals(new BigDecimal("55"), g.score());
    }
}
