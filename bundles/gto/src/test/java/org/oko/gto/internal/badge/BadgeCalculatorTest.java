package org.oko.gto.internal.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.gto.internal.Fixtures;
import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.norms.Norms;
import org.oko.gto.internal.norms.NormsBook;
import org.oko.gto.internal.norms.Sex;
import org.oko.platform.api.rest.ApiMessage;

/**
 * Badges of the norms file {@code norms-fixture.json} (stage 3, boys unless said: speed 30 m or 60 m as
 * alternatives, 1000 m, pull-ups or push-ups as alternatives, the bend, the shuttle run, the jump; bronze 4
 * tests, silver 5, gold 6, one of each of four mandatory qualities), each expected value worked out by
 * hand from the file's thresholds.
 */
class BadgeCalculatorTest {

    private static Norms.Stage stage(int number) throws IOException {
        return Fixtures.norms().stage(number).orElseThrow();
    }

    private static Map<String, Object> results(Object... codesAndResults) {
        Map<String, Object> results = new LinkedHashMap<>();
        for (int i = 0; i < codesAndResults.length; i += 2) {
            results.put((String) codesAndResults[i], codesAndResults[i + 1]);
        }
        return results;
    }

    @Test
    void everyResultExactlyOnTheGoldThresholdEarnsGold() throws IOException {
        BadgeCalculator.Assessment gold = BadgeCalculator.assess(stage(3), Sex.BOYS,
                results("run-30", "5,4", "run-1000", "4:50", "pull-up", 5, "bend", "+8", "shuttle", 8.5, "jump", 160));
        assertEquals(Level.GOLD, gold.badge());
        gold.events().values().forEach(e -> assertEquals(Level.GOLD, e.level(), e.code()));
        assertEquals(List.of(), gold.explanation());
    }

    @Test
    void aTimeOfMinutesIsReadAsTheOrderAndSchoolsWriteIt() throws IOException {
        for (String written : List.of("4:50", "4.50", "4,50")) {
            BadgeCalculator.EventResult run = BadgeCalculator.judge(stage(3), Sex.BOYS, "run-1000", written);
            assertEquals(new BigDecimal("290"), run.value(), written);
            assertEquals(Level.GOLD, run.level(), written);
        }
        assertEquals(Level.SILVER, BadgeCalculator.judge(stage(3), Sex.BOYS, "run-1000", "4:51").level(), "a second over gold");
        assertEquals(Level.BRONZE, BadgeCalculator.judge(stage(3), Sex.BOYS, "run-1000", "6:10").level(), "bronze exactly");
        assertNull(BadgeCalculator.judge(stage(3), Sex.BOYS, "run-1000", "6:11").level(), "over bronze: no level");
        BadgeCalculator.EventResult unreadable = BadgeCalculator.judge(stage(3), Sex.BOYS, "run-1000", "4.5");
        assertNull(unreadable.level());
        assertTrue(unreadable.problem().ru().contains("минуты и секунды"), unreadable.problem().ru());
        assertTrue(unreadable.problem().en().contains("minutes and seconds"), unreadable.problem().en());
    }

    @Test
    void withoutAMandatoryQualityThereIsNoBadgeWhateverTheRest() throws IOException {
        BadgeCalculator.Assessment none = BadgeCalculator.assess(stage(3), Sex.BOYS,
                results("run-30", 5.4, "pull-up", 5, "bend", 8, "shuttle", 8.5, "jump", 160));
        assertNull(none.badge(), "five golds, but no endurance test");
        assertEquals(List.of(new ApiMessage("Для бронзового знака не выполнено обязательное испытание: выносливость",
                "For the bronze badge, a mandatory test was not passed: выносливость")), none.explanation());
    }

    @Test
    void alternativesCountOnceAtTheBestOfThem() throws IOException {
        BadgeCalculator.Assessment bronze = BadgeCalculator.assess(stage(3), Sex.BOYS,
                results("run-30", 5.4, "run-60", "10,0", "run-1000", "4:50", "pull-up", 5, "push-ups", 22, "bend", 8));
        assertEquals(Level.BRONZE, bronze.badge(), "six golds, but 30 m and 60 m are one test, pull-ups and push-ups another: 4 tests");
        assertEquals(List.of(new ApiMessage("Для серебряного знака выполнено испытаний: 4 из 5 необходимых",
                "For the silver badge, tests passed: 4 of the 5 needed")), bronze.explanation());
    }

    @Test
    void oneMandatoryTestShortOfGoldLeavesSilverAndSaysWhy() throws IOException {
        BadgeCalculator.Assessment silver = BadgeCalculator.assess(stage(3), Sex.BOYS,
                results("run-30", "5,5", "run-1000", "4:50", "pull-up", 5, "bend", "+8", "shuttle", 8.5, "jump", 160));
        assertEquals(Level.SILVER, silver.events().get("run-30").level(), "5.5 s: over gold's 5.4, within silver's 6.0");
        assertEquals(Level.SILVER, silver.badge());
        assertEquals(2, silver.explanation().size());
        assertTrue(silver.explanation().get(0).ru().contains("скоростные возможности"));
        assertEquals("Для золотого знака выполнено испытаний: 5 из 6 необходимых", silver.explanation().get(1).ru());
    }

    @Test
    void anEventItsSexDoesNotTakeCountsForNothingAndIsNamed() throws IOException {
        BadgeCalculator.Assessment girl = BadgeCalculator.assess(stage(3), Sex.GIRLS,
                results("run-30", 5.6, "run-1000", "5:10", "pull-up", 9, "bend", 11));
        BadgeCalculator.EventResult pullUp = girl.events().get("pull-up");
        assertNull(pullUp.level());
        assertNotNull(pullUp.problem());
        assertNull(girl.badge(), "no strength test passed: pull-ups are not a girls' event at this stage");
        BadgeCalculator.Assessment withPushUps = BadgeCalculator.assess(stage(3), Sex.GIRLS,
                results("run-30", 5.6, "run-1000", "5:10", "push-ups", 13, "bend", 11));
        assertEquals(Level.BRONZE, withPushUps.badge(), "four golds of the four mandatory qualities: bronze needs 4, silver 5");
    }

    @Test
    void theBirthdayMovesTheStageAndWithItTheNorms() throws IOException {
        Norms norms = Fixtures.norms();
        LocalDate born = LocalDate.of(2015, 4, 10);
        Map<String, Object> results = results("run-30", "6,0", "run-1000", "5:50", "push-ups", 17, "bend", 7, "jump", 140);
        Norms.Stage before = NormsBook.stageOf(norms, born, LocalDate.of(2025, 4, 9)).orElseThrow();
        Norms.Stage on = NormsBook.stageOf(norms, born, LocalDate.of(2025, 4, 10)).orElseThrow();
        assertEquals(2, before.stage());
        assertEquals(3, on.stage());
        assertEquals(Level.GOLD, BadgeCalculator.assess(before, Sex.BOYS, results).badge(), "9 years old: five golds of stage 2");
        BadgeCalculator.Assessment ten = BadgeCalculator.assess(on, Sex.BOYS, results);
        assertEquals(Level.SILVER, ten.events().get("run-30").level(), "10 years old: 6.0 s is stage 3's silver exactly");
        assertEquals(Level.SILVER, ten.badge(),
                "stage 3: 30 m (6.0 ≤ 6.0), 1000 m (5:50 ≤ 5:50), push-ups (13 ≤ 17 < 22), bend (4 ≤ 7 < 8), jump (140): five silvers");
    }

    @Test
    void anEventTheStageDoesNotHaveIsNamed() throws IOException {
        BadgeCalculator.EventResult run60 = BadgeCalculator.judge(stage(2), Sex.BOYS, "run-60", 10.0);
        assertNull(run60.level());
        assertEquals("Испытания «run-60» нет на ступени 2", run60.problem().ru());
    }
}
