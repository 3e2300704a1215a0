package org.oko.noko.internal.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.noko.internal.Fixtures;
import org.oko.noko.internal.method.Method;

/**
 * Every indicator, criterion and the score of one organisation worked out by hand from four respondents and the
 * operator's checks, by the shipped method (order № 344н's weights and formulas).
 */
class ScoringTest {

    private static final Method METHOD = Fixtures.federal();

    /** "q1+ q2- …": yes and no by question; a question not listed was not asked. */
    private static Map<String, Boolean> answers(String written) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (String a : written.split(" ")) {
            answers.put(a.substring(0, a.length() - 1), a.endsWith("+"));
        }
        return answers;
    }

    private static final List<Map<String, Boolean>> RESPONDENTS = List.of(
            answers("q1+ q2+ q3+ q4- q5+ q6- q8+ q9+ q10+ q11+ q12+ q13+ q14+"),
            answers("q1- q3+ q4+ q5- q6+ q7+ q8+ q9- q10- q12+ q13- q14+"),
            answers("q1+ q2- q3- q5+ q6- q8- q9+ q10+ q11- q12- q13+ q14-"),
            answers("q1+ q2+ q3+ q4+ q5+ q6+ q7- q8+ q9+ q10- q12+ q13+ q14+"));

    /** Stands 8 of 10, site 7 of 14, 3 remote channels, 4 comfort items, 2 premises items, all 6 services. */
    private static Set<String> checks() {
        Set<String> present = new HashSet<>();
        for (int i = 1; i <= 8; i++) {
            present.add("stand-" + i);
        }
        for (int i = 1; i <= 7; i++) {
            present.add("site-" + i);
        }
        present.addAll(List.of("channel-1", "channel-2", "channel-5", "comfort-1", "comfort-2", "comfort-3", "comfort-5", "premises-1",
                "premises-3"));
        for (int i = 1; i <= 6; i++) {
            present.add("services-" + i);
        }
        return present;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void everyIndicatorCriterionAndTheScoreAsWorkedOutByHand() {
        Scoring.Result r = Scoring.score(METHOD, "S1", RESPONDENTS, checks(), 5);
        // 1.1 = ½ (8/10 + 7/14) × 100; 1.2 = 3 × 30; 1.3 = ½ (2 of 3 who used the stands + 2 of 3 who used the site) × 100.
        assertEquals(d("65.00"), r.indicators().get("1.1"));
        assertEquals(d("90.00"), r.indicators().get("1.2"));
        assertEquals(d("66.67"), r.indicators().get("1.3"));
        assertEquals(d("73.17"), r.criteria().get("k1")); // 0.3 × 65 + 0.3 × 90 + 0.4 × 66.667
        assertEquals(d("80.00"), r.indicators().get("2.1")); // 4 × 20
        assertEquals(d("75.00"), r.indicators().get("2.3")); // 3 of 4
        assertEquals(d("77.50"), r.criteria().get("k2"));
        assertEquals(d("40.00"), r.indicators().get("3.1")); // 2 × 20
        assertEquals(d("100.00"), r.indicators().get("3.2")); // 6 × 20, at most 100
        assertEquals(d("50.00"), r.indicators().get("3.3")); // 1 of the 2 with a disability
        assertEquals(d("67.00"), r.criteria().get("k3")); // 0.3 × 40 + 0.4 × 100 + 0.3 × 50
        assertEquals(d("75.00"), r.indicators().get("4.1"));
        assertEquals(d("75.00"), r.indicators().get("4.2"));
        assertEquals(d("50.00"), r.indicators().get("4.3")); // 1 of the 2 who used remote channels
        assertEquals(d("70.00"), r.criteria().get("k4"));
        assertEquals(d("75.00"), r.criteria().get("k5")); // 5.1, 5.2, 5.3 each 3 of 4
        assertEquals(d("72.53"), r.total()); // (73.167 + 77.5 + 67 + 70 + 75) / 5
        assertEquals("хорошо", r.band());
        assertEquals(4, r.respondents());
        assertFalse(r.reliable(), "4 respondents against a minimum of 5: marked, not hidden");
        assertTrue(Scoring.score(METHOD, "S1", RESPONDENTS, checks(), 4).reliable());
    }

    @Test
    void anIndicatorNobodyWasAskedLeavesItsWeightToTheOthers() {
        List<Map<String, Boolean>> noDisability = List.of(answers("q5+ q6- q8+"), answers("q5- q6- q8+"));
        Scoring.Result r = Scoring.score(METHOD, "S2", noDisability, checks(), 1);
        assertNull(r.indicators().get("3.3"));
        assertEquals(d("74.29"), r.criteria().get("k3")); // (0.3 × 40 + 0.4 × 100) / 0.7
        assertEquals(d("50.00"), r.indicators().get("2.3"));
        assertEquals(d("0.00"), r.indicators().get("5.3"), "a question everyone could answer and nobody said yes to is 0");
    }

    @Test
    void withoutChecksOrAnswersTheChecklistIndicatorsAreZero() {
        Scoring.Result r = Scoring.score(METHOD, "S3", List.of(), Set.of(), 30);
        assertEquals(d("0.00"), r.indicators().get("1.1"));
        assertNull(r.indicators().get("1.3"));
        assertEquals(d("0.00"), r.criteria().get("k1"));
        assertNull(r.criteria().get("k4"), "no answers: criteria of answers only have no value");
        assertEquals("неудовлетворительно", r.band());
    }
}
