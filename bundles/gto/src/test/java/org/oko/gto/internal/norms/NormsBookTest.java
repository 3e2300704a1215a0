package org.oko.gto.internal.norms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which edition judges a test, and which stage a participant is at. */
class NormsBookTest {

    private static Norms edition(String key, int version, String validFrom, String ageOn) {
        Norms.Event run = new Norms.Event("run-30", "Бег на 30 м", "s", "скоростные возможности", null, null,
                Map.of("bronze", 7.3, "silver", 6.8, "gold", 6.1), Map.of("bronze", 7.5, "silver", 7.1, "gold", 6.4));
        Map<String, Integer> badges = Map.of("bronze", 1, "silver", 1, "gold", 1);
        return new Norms(key, version, "", "", validFrom, ageOn, List.of(
                new Norms.Stage(2, 8, 9, badges, List.of("скоростные возможности"), List.of(run)),
                new Norms.Stage(3, 10, 11, badges, List.of("скоростные возможности"), List.of(run))));
    }

    @Test
    void aTestIsJudgedByTheEditionInForceOnItsDate() {
        NormsBook book = new NormsBook(List.of(edition("federal-2019", 1, "2019-01-01", Norms.TEST_DATE),
                edition("federal-2023", 1, "2023-09-01", Norms.TEST_DATE), edition("region-2023", 2, "2023-09-01", Norms.TEST_DATE)));
        assertEquals("federal-2019", book.inForce(LocalDate.of(2023, 8, 31)).orElseThrow().key(), "a past year by its norms");
        assertEquals("region-2023", book.inForce(LocalDate.of(2023, 9, 1)).orElseThrow().key(), "the later version on a tie");
        assertTrue(book.inForce(LocalDate.of(2018, 12, 31)).isEmpty(), "before any edition");
    }

    @Test
    void theStageChangesOnTheBirthdayItselfByTheTestDateRule() {
        Norms norms = edition("federal-2023", 1, "2023-09-01", Norms.TEST_DATE);
        LocalDate born = LocalDate.of(2015, 4, 10);
        assertEquals(2, NormsBook.stageOf(norms, born, LocalDate.of(2025, 4, 9)).orElseThrow().stage(), "9 the day before");
        assertEquals(3, NormsBook.stageOf(norms, born, LocalDate.of(2025, 4, 10)).orElseThrow().stage(), "10 on the birthday");
        assertTrue(NormsBook.stageOf(norms, born, LocalDate.of(2027, 4, 10)).isEmpty(), "12: no stage of this edition");
    }

    @Test
    void aLeapDayBirthdayComesOnTheFirstOfMarchInACommonYear() {
        LocalDate born = LocalDate.of(2016, 2, 29);
        assertEquals(9, NormsBook.age(born, LocalDate.of(2026, 2, 28)));
        assertEquals(10, NormsBook.age(born, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void theYearEndRuleTakesTheAgeReachedBy31December() {
        Norms norms = edition("region", 1, "2023-09-01", Norms.YEAR_END);
        LocalDate born = LocalDate.of(2015, 12, 31);
        assertEquals(3, NormsBook.stageOf(norms, born, LocalDate.of(2025, 1, 15)).orElseThrow().stage(),
                "9 on the test day, 10 by the year's end");
    }
}
