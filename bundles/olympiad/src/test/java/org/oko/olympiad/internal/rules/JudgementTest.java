package org.oko.olympiad.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oko.olympiad.internal.Fixtures.p;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.oko.olympiad.internal.Fixtures;

/** A year's statuses: ranked where the stage says, the file's status kept and checked, undecided rankings named. */
class JudgementTest {

    private static final Map<String, String> TERRITORY = Map.of("S1", "T1", "S2", "T1", "S3", "T2");

    private static Scores max(String stage, String territory, String max) {
        return new Scores(List.of(new Scores.Setting(2025, stage, "math", 9, territory, new BigDecimal(max), null, "centre", Instant.EPOCH)));
    }

    @Test
    void theSchoolStageIsRankedWithinEachSchool() {
        List<Participation> all = List.of(p(2025, "school", "math", "A", 9, "S1", "80"), p(2025, "school", "math", "B", 9, "S1", "70"),
                p(2025, "school", "math", "C", 9, "S2", "60"));
        Judgement judged = Judgement.of(Fixtures.year2025(), all, max("school", Scores.REGION, "100"), TERRITORY::get);
        assertEquals(Status.WINNER, judged.status(all.get(0)));
        assertEquals(Status.PARTICIPANT, judged.status(all.get(1))); // 2 × 0.45 → one place, taken by A
        assertEquals(Status.WINNER, judged.status(all.get(2))); // S2's own ranking
    }

    @Test
    void theMunicipalStageIsRankedWithinEachTerritoryWithItsOwnMaximumFirst() {
        List<Participation> all = List.of(p(2025, "municipal", "math", "A", 9, "S1", "30"), p(2025, "municipal", "math", "B", 9, "S2", "20"),
                p(2025, "municipal", "math", "C", 9, "S3", "30"));
        Scores scores = new Scores(List.of(
                new Scores.Setting(2025, "municipal", "math", 9, Scores.REGION, new BigDecimal("100"), null, "centre", Instant.EPOCH),
                new Scores.Setting(2025, "municipal", "math", 9, "T1", new BigDecimal("40"), null, "T1", Instant.EPOCH)));
        Judgement judged = Judgement.of(Fixtures.year2025(), all, scores, TERRITORY::get);
        assertEquals(Status.WINNER, judged.status(all.get(0))); // 30 of T1's 40
        assertEquals(Status.PARTICIPANT, judged.status(all.get(2))); // 30 of the region's 100: not above half
    }

    @Test
    void aFilesStatusIsKeptAndListedWhereTheRulesDiffer() {
        List<Participation> all = List.of(p(2025, "school", "math", "A", 9, "S1", "80", Status.WINNER),
                p(2025, "school", "math", "B", 9, "S1", "40", Status.PRIZE_WINNER), p(2025, "school", "math", "C", 9, "S1", "30"));
        Judgement judged = Judgement.of(Fixtures.year2025(), all, max("school", Scores.REGION, "100"), TERRITORY::get);
        assertEquals(Status.PRIZE_WINNER, judged.status(all.get(1)), "the organiser's protocol is the record");
        assertEquals(Optional.of(Status.PARTICIPANT), judged.computed(all.get(1)));
        assertEquals(1, judged.disagreements().size());
        assertEquals("B", judged.disagreements().get(0).participation().participant());
    }

    @Test
    void aJuryDecisionAtTheQuotasEdgeIsNoDisagreementButAboveItIs() {
        List<Participation> all = new java.util.ArrayList<>(List.of(p(2025, "school", "math", "A", 9, "S1", "90"),
                p(2025, "school", "math", "B", 9, "S1", "70", Status.PRIZE_WINNER), p(2025, "school", "math", "C", 9, "S1", "70", Status.WINNER)));
        for (int i = 0; i < 3; i++) {
            all.add(p(2025, "school", "math", "X" + i, 9, "S1", "10"));
        }
        // Six participants: two places; A takes one, B and C share 70 across the edge.
        Judgement judged = Judgement.of(Fixtures.year2025(), all, max("school", Scores.REGION, "100"), TERRITORY::get);
        assertEquals(1, judged.undecided().size());
        assertEquals("quota-edge", judged.undecided().get(0).reason());
        assertEquals(List.of("C"), judged.disagreements().stream().map(d -> d.participation().participant()).toList());
    }

    @Test
    void withoutAMaximumNothingIsComputedAndTheRankingIsNamed() {
        List<Participation> all = List.of(p(2025, "school", "math", "A", 9, "S1", "80"), p(2025, "school", "math", "B", 9, "S1", "70", Status.WINNER));
        Judgement judged = Judgement.of(Fixtures.year2025(), all, new Scores(List.of()), TERRITORY::get);
        assertEquals(Status.PARTICIPANT, judged.status(all.get(0)));
        assertEquals(Status.WINNER, judged.status(all.get(1)));
        assertTrue(judged.computed(all.get(0)).isEmpty());
        assertEquals("no-max", judged.undecided().get(0).reason());
        assertTrue(judged.disagreements().isEmpty());
    }
}
