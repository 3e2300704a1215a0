package org.oko.gto.internal.form8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.gto.internal.badge.BadgeCalculator;
import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.norms.Sex;
import org.oko.gto.internal.report.Counts;
import org.oko.gto.internal.report.Tally;
import org.oko.gto.internal.results.Participant;

/** Form 8's figures from a school's counts, and the year of a form's period. */
class Form8ValuesTest {

    private static Participant test(String code, String gtoId, Sex sex, int stage, Level badge) {
        return new Participant(code, gtoId, sex, LocalDate.of(2015, 1, 1), "S1", LocalDate.of(2025, 4, 20), Map.of(), "fixture v1",
                new BadgeCalculator.Assessment(stage, Map.of(), badge, List.of()));
    }

    @Test
    void theSchoolsCountsFillTheFormsKeysItHas() {
        Tally school = Counts.of(List.of(test("1", "23-1", Sex.BOYS, 3, Level.GOLD), test("2", null, Sex.GIRLS, 3, Level.BRONZE),
                test("3", "23-3", Sex.GIRLS, 2, null)), code -> null).school("S1");
        Map<String, Object> values = Form8Values.of(school, Form8Values.keys());
        assertEquals(2, values.get("gto_registered"));
        assertEquals(3, values.get("gto_tested"));
        assertEquals(1, values.get("gto_gold"));
        assertEquals(0, values.get("gto_silver"));
        assertEquals(1, values.get("gto_bronze"));
        assertEquals(2, values.get("gto_by_stage.tested[s3]"), "a boy and a girl at stage 3");
        assertEquals(1, values.get("gto_by_stage.gold[s3]"));
        assertEquals(1, values.get("gto_by_stage.tested[s2]"));
        assertEquals(0, values.get("gto_by_stage.tested[s6]"), "nobody at stage 6 is a zero, not a blank");
        assertEquals(5 + 6 * 4, values.size());
        assertEquals(Map.of("gto_tested", 3), Form8Values.of(school, java.util.Set.of("gto_tested")), "only the keys the form has");
    }

    @Test
    void theYearIsThePeriodsFirst20xx() {
        assertEquals(2025, Form8Values.year("2025"));
        assertEquals(2025, Form8Values.year("miac-2025-autumn"));
        assertEquals(LocalDate.now().getYear(), Form8Values.year("matrix"));
    }
}
