package org.oko.olympiad.internal.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oko.olympiad.internal.Fixtures.p;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.olympiad.internal.Fixtures;
import org.oko.olympiad.internal.report.Counts;
import org.oko.olympiad.internal.report.Tally;
import org.oko.olympiad.internal.rules.Judgement;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.rules.Status;
import org.oko.procedure.api.Flag;
import org.oko.procedure.api.Levels;

/** The signs: many school-stage diplomas with ordinary municipal results, and scores bunched just above the passing score. */
class OlympiadFlagsTest {

    /** The defaults, as the settings would give them. */
    static final FlagRules DEFAULTS = new FlagRules() {
        public Class<? extends Annotation> annotationType() {
            return FlagRules.class;
        }

        public int min_participations() {
            return 20;
        }

        public double awards_ratio() {
            return 2.0;
        }

        public double awards_min_share() {
            return 30.0;
        }

        public double municipal_ratio() {
            return 1.0;
        }

        public double bunch_window() {
            return 5.0;
        }

        public int bunch_min() {
            return 10;
        }

        public double bunch_ratio() {
            return 3.0;
        }
    };

    private static final Map<String, String> TERRITORY = Map.of("GENEROUS", "T", "PLAIN", "T", "BUNCHED", "T");

    private static Map<String, List<Flag>> judge(List<Participation> all, Scores scores) {
        Judgement judged = Judgement.of(Fixtures.year2025(), all, scores, TERRITORY::get);
        Levels<Tally> levels = Counts.of(all, judged, TERRITORY::get);
        return new OlympiadFlags(DEFAULTS).judge(levels, all, scores, TERRITORY::get, code -> code);
    }

    @Test
    void aSchoolGenerousAtItsOwnStageButOrdinaryAtTheMunicipalOneIsFlagged() {
        List<Participation> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // GENEROUS: 10 diplomas of 20 (50 %); PLAIN: 2 of 40 (5 %); the region 12 of 60 (20 %)
            all.add(p(2025, "school", "math", "G" + i, 9, "GENEROUS", "50", i < 10 ? Status.PRIZE_WINNER : Status.PARTICIPANT));
        }
        for (int i = 0; i < 40; i++) {
            all.add(p(2025, "school", "math", "P" + i, 9, "PLAIN", "50", i < 2 ? Status.PRIZE_WINNER : Status.PARTICIPANT));
        }
        // At the municipal stage GENEROUS's pupils win nothing, PLAIN's win one of two.
        all.add(p(2025, "municipal", "math", "G0", 9, "GENEROUS", "10", Status.PARTICIPANT));
        all.add(p(2025, "municipal", "math", "P0", 9, "PLAIN", "60", Status.WINNER));
        all.add(p(2025, "municipal", "math", "P1", 9, "PLAIN", "10", Status.PARTICIPANT));
        Map<String, List<Flag>> flags = judge(all, new Scores(List.of()));
        assertEquals(List.of("GENEROUS"), List.copyOf(flags.keySet()));
        Flag flag = flags.get("GENEROUS").get(0);
        assertEquals(OlympiadFlags.SCHOOL_STAGE_AWARDS, flag.rule());
        assertEquals(50.0, flag.figures().get("school_stage_share"));
        assertEquals(20.0, flag.figures().get("region_school_stage_share"));
        assertTrue(flag.explanation().contains("50,0"), flag.explanation());
    }

    @Test
    void scoresBunchedJustAboveThePassingScoreAreFlaggedAndAnEvenSpreadIsNot() {
        Scores scores = new Scores(List.of(new Scores.Setting(2025, "school", "math", 9, Scores.REGION, new BigDecimal("100"), new BigDecimal("50"),
                "c", Instant.EPOCH)));
        List<Participation> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // 50–54 just above (window 5 % of 100), 45–49 just below
            all.add(p(2025, "school", "math", "B" + i, 9, "BUNCHED", String.valueOf(50 + i % 5)));
            all.add(p(2025, "school", "math", "Q" + i, 9, "PLAIN", String.valueOf(i < 6 ? 50 + i % 5 : 45 + i % 5)));
        }
        all.add(p(2025, "school", "math", "B-low", 9, "BUNCHED", "47"));
        Map<String, List<Flag>> flags = judge(all, scores);
        assertEquals(List.of("BUNCHED"), List.copyOf(flags.keySet()));
        Flag flag = flags.get("BUNCHED").get(0);
        assertEquals(OlympiadFlags.SCORES_AT_PASSING, flag.rule());
        assertEquals(12, flag.figures().get("just_above"));
        assertEquals(1, flag.figures().get("just_below"));
    }
}
