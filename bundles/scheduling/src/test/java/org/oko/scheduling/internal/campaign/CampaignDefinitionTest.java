package org.oko.scheduling.internal.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.security.Role;
import org.oko.scheduling.api.Deadlines;
import org.oko.scheduling.internal.CalendarService;

class CampaignDefinitionTest {

    private final CalendarService calendar = new CalendarService();

    @Test
    void theShippedMiacRoadmapIsValidAndResolves() {
        CampaignDefinition miac = CampaignsImpl.miacTemplate(2026);
        assertEquals(List.of(), miac.problems(calendar));
        Map<String, Optional<LocalDate>> deadlines = Deadlines.resolve(miac.rules(), Map.of(), calendar);
        assertEquals(Optional.of(LocalDate.of(2026, 4, 1)), deadlines.get("form-1-spring"));
        assertEquals(Optional.of(LocalDate.of(2026, 10, 1)), deadlines.get("form-1-autumn"));
        assertEquals(Optional.empty(), deadlines.get("form-7"), "form 7 waits for the ВПР results");
        // 5 working days after Thursday 1 October 2026: 2, 5, 6, 7, 8 October.
        assertEquals(Optional.of(LocalDate.of(2026, 10, 8)), deadlines.get("export"));
        assertEquals(2, miac.steps().stream().filter(s -> "miac-1".equals(s.form())).count(), "form 1 is collected twice a year");
    }

    @Test
    void aCopyMovesFixedDatesAndPeriodsToTheNextYearAndKeepsRelativeDeadlines() {
        CampaignDefinition copy = CampaignsImpl.miacTemplate(2028).copyTo("miac-2029", 2029, null);
        assertEquals("Мониторинг МИАС 2029", copy.title());
        assertEquals(2029, copy.year());
        assertEquals("2029-04-01", copy.step("form-1-spring").deadline().on());
        assertEquals("2029-1", copy.step("form-1-spring").period());
        assertEquals("event:vpr-results", copy.step("form-7").deadline().after());
        CampaignDefinition leap = new CampaignDefinition("leap", "Високосный 2028", 2028, null, List.of(step("a", "2028-02-29")));
        assertEquals("2029-02-28", leap.copyTo("leap-2029", 2029, null).step("a").deadline().on(), "29 February becomes the 28th");
        assertEquals(List.of(), copy.problems(calendar));
    }

    @Test
    void problemsNameTheStepAndTheField() {
        CampaignDefinition bad = new CampaignDefinition("bad code!", "", 1990, 99, List.of(
                step("a", "31.02.2026"),
                new CampaignDefinition.Step("a", "Дубль", Role.SCHOOL_COORDINATOR, new CampaignDefinition.Due("2026-01-01", null, null, null), "miac-1", null),
                new CampaignDefinition.Step("c", "Без срока", null, new CampaignDefinition.Due(null, "a", 1, 2), null, null)));
        String problems = String.join("\n", bad.problems(calendar));
        assertTrue(problems.contains("code:"), problems);
        assertTrue(problems.contains("title:"), problems);
        assertTrue(problems.contains("year:"), problems);
        assertTrue(problems.contains("confirmationWorkingDays:"), problems);
        assertTrue(problems.contains("steps[0].deadline.on: Дата «31.02.2026» не распознана"), problems);
        assertTrue(problems.contains("steps[1].id: шаг «a» уже есть"), problems);
        assertTrue(problems.contains("steps[1]: форма и период указываются вместе"), problems);
        assertTrue(problems.contains("steps[2].responsible"), problems);
        assertTrue(problems.contains("steps[2].deadline: укажите workingDays или calendarDays"), problems);
    }

    @Test
    void aCycleOrAReferenceToNothingIsRefused() {
        CampaignDefinition cycle = new CampaignDefinition("c", "Цикл", 2026, null, List.of(
                new CampaignDefinition.Step("a", "А", Role.ADMINISTRATOR, new CampaignDefinition.Due(null, "b", 1, null), null, null),
                new CampaignDefinition.Step("b", "Б", Role.ADMINISTRATOR, new CampaignDefinition.Due(null, "a", null, 2), null, null)));
        assertTrue(String.join("", cycle.problems(calendar)).contains("cycle"));
        CampaignDefinition dangling = new CampaignDefinition("d", "Ссылка", 2026, null, List.of(
                new CampaignDefinition.Step("a", "А", Role.ADMINISTRATOR, new CampaignDefinition.Due(null, "nothing", 1, null), null, null)));
        assertFalse(dangling.problems(calendar).isEmpty());
    }

    private static CampaignDefinition.Step step(String id, String on) {
        return new CampaignDefinition.Step(id, "Шаг " + id, Role.ADMINISTRATOR, new CampaignDefinition.Due(on, null, null, null), null, null);
    }
}
