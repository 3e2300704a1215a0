package org.oko.olympiad.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oko.olympiad.internal.Fixtures.p;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Winners and prize-winners of one ranking at the boundaries of the rules: half the maximum, the quota, ties. */
class AwardsTest {

    private static final BigDecimal MAX = new BigDecimal("100");

    private static List<Participation> scores(String... scores) {
        List<Participation> ranking = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            ranking.add(p(2025, "school", "math", "P" + i, 9, "S1", scores[i]));
        }
        return ranking;
    }

    private static List<Status> statuses(Awards.Ranking ranked, List<Participation> ranking) {
        return ranking.stream().map(ranked.statuses()::get).toList();
    }

    @Test
    void exactlyHalfOfTheMaximumIsNotEnoughAndOnePointMoreIs() {
        List<Participation> half = scores("50", "40", "30");
        assertEquals(List.of(Status.PARTICIPANT, Status.PARTICIPANT, Status.PARTICIPANT), statuses(Awards.rank(half, MAX, 0.45, 0.5), half));
        List<Participation> above = scores("50.5", "40", "30");
        assertEquals(List.of(Status.WINNER, Status.PARTICIPANT, Status.PARTICIPANT), statuses(Awards.rank(above, MAX, 0.45, 0.5), above));
    }

    @Test
    void everyoneWithTheHighestScoreIsAWinnerAndTheNextArePrizeWinnersWithinTheQuota() {
        // 10 participants × 0.45 = 4.5: four diplomas.
        List<Participation> ranking = scores("90", "90", "80", "70", "60", "55", "52", "40", "30", "20");
        Awards.Ranking ranked = Awards.rank(ranking, MAX, 0.45, 0.5);
        assertEquals(4, ranked.allowed());
        assertEquals(List.of(Status.WINNER, Status.WINNER, Status.PRIZE_WINNER, Status.PRIZE_WINNER, Status.PARTICIPANT, Status.PARTICIPANT,
                Status.PARTICIPANT, Status.PARTICIPANT, Status.PARTICIPANT, Status.PARTICIPANT), statuses(ranked, ranking));
        assertTrue(ranked.atQuotaEdge().isEmpty());
    }

    @Test
    void aScoreSharedAcrossTheQuotasEdgeIsLeftToTheJury() {
        // Four diplomas: 90 and 80 take two, three share 70 — two places for three people.
        List<Participation> ranking = scores("90", "80", "70", "70", "70", "60", "40", "30", "20", "10");
        Awards.Ranking ranked = Awards.rank(ranking, MAX, 0.45, 0.5);
        assertEquals(List.of(Status.WINNER, Status.PRIZE_WINNER, Status.PARTICIPANT, Status.PARTICIPANT, Status.PARTICIPANT,
                Status.PARTICIPANT, Status.PARTICIPANT, Status.PARTICIPANT, Status.PARTICIPANT, Status.PARTICIPANT), statuses(ranked, ranking));
        assertEquals(ranking.subList(2, 5), ranked.atQuotaEdge());
        assertEquals(Status.PRIZE_WINNER, ranked.highestOpen(ranking.get(2), false));
    }

    @Test
    void theQuotaIsRoundedDownButOnePlaceIsAlwaysOpen() {
        List<Participation> nine = scores("95", "90", "85", "80", "75", "70", "65", "60", "55");
        Awards.Ranking ranked = Awards.rank(nine, MAX, 0.45, 0.5); // 4.05 → 4
        assertEquals(4, ranked.allowed());
        assertEquals(Status.PRIZE_WINNER, ranked.statuses().get(nine.get(3)));
        assertEquals(Status.PARTICIPANT, ranked.statuses().get(nine.get(4)));
        List<Participation> alone = scores("61");
        assertEquals(List.of(Status.WINNER), statuses(Awards.rank(alone, MAX, 0.45, 0.5), alone));
    }

    @Test
    void aPrizeWinnerTooMustScoreMoreThanHalf() {
        List<Participation> ranking = scores("90", "60", "50", "49", "10", "10", "10", "10", "10", "10");
        assertEquals(List.of(Status.WINNER, Status.PRIZE_WINNER, Status.PARTICIPANT, Status.PARTICIPANT),
                statuses(Awards.rank(ranking, MAX, 0.45, 0.5), ranking).subList(0, 4));
    }
}
