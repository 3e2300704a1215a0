package org.oko.gto.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.gto.internal.badge.BadgeCalculator;
import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.norms.Sex;
import org.oko.gto.internal.results.Participant;
import org.oko.procedure.api.Levels;

/** Students counted once, per school, territory and region, by stage and sex. */
class CountsTest {

    private static Participant test(String school, String code, String gtoId, Sex sex, String date, int stage, Level badge) {
        return new Participant(code, gtoId, sex, LocalDate.of(2015, 1, 1), school, LocalDate.parse(date), Map.of(), "fixture v1",
                new BadgeCalculator.Assessment(stage, Map.of(), badge, List.of()));
    }

    @Test
    void aStudentTestedTwiceCountsOnceWithTheBestBadgeAndTheLatestStage() {
        Levels<Tally> levels = Counts.of(List.of(
                test("7701001", "1", null, Sex.BOYS, "2025-04-09", 2, Level.SILVER),
                test("7701001", "1", "23-1", Sex.BOYS, "2025-05-20", 3, Level.BRONZE),
                test("7701001", "2", null, Sex.GIRLS, "2025-04-20", 3, null),
                test("7701002", "1", "23-2", Sex.GIRLS, "2025-04-20", 3, Level.GOLD),
                test("7801001", "7", null, Sex.BOYS, "2025-04-20", 2, Level.BRONZE)),
                school -> school.substring(0, 2));
        Tally school = levels.school("7701001");
        assertEquals(2, school.tested(), "student 1 twice and student 2: two students");
        assertEquals(1, school.registered(), "student 1 gave the ID on one of the tests");
        assertEquals(1, school.badges(Level.SILVER), "the best of bronze and silver");
        assertEquals(0, school.badges(Level.BRONZE));
        assertEquals(0.5, school.badgeShare());
        assertEquals(2, school.byStage().get(3).values().stream().mapToInt(Tally::tested).sum(), "both at stage 3 by their latest test");
        Tally territory = levels.territory("77");
        assertEquals(3, territory.tested());
        assertEquals(2, territory.withBadge());
        assertEquals(1, territory.byStage().get(3).get(Sex.GIRLS).badges(Level.GOLD));
        Tally region = levels.region();
        assertEquals(4, region.tested());
        assertEquals(2, region.registered());
        assertEquals(1, region.badges(Level.BRONZE));
        assertEquals(0.75, region.badgeShare());
        assertEquals(1, region.byStage().get(2).get(Sex.BOYS).tested());
    }
}
