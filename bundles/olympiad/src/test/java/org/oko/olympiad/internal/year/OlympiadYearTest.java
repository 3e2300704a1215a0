package org.oko.olympiad.internal.year;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oko.olympiad.internal.Fixtures;

/** The shipped year is valid and in order; a broken one names every problem. */
class OlympiadYearTest {

    @Test
    void theShippedYearHasFourStagesInOrderAndTheFederalSubjects() {
        OlympiadYear year = Fixtures.year2025();
        assertEquals(List.of(), year.problems());
        assertEquals(List.of("school", "municipal", "regional", "final"), year.stages().stream().map(OlympiadYear.Stage::code).toList());
        assertEquals("regional", year.next("municipal").orElseThrow().code());
        assertTrue(year.next("final").isEmpty());
        assertEquals(24, year.subjects().size());
        assertTrue(year.subject("math").orElseThrow().heldFor(4));
        assertTrue(!year.subject("physics").orElseThrow().heldFor(4));
    }

    @Test
    void aBrokenYearNamesEachProblem() {
        OlympiadYear broken = new OlympiadYear("2026", 0, "", "", 2025,
                List.of(new OlympiadYear.Stage("School", "Школьный", "2025-10-31", "2025-09-15", 0, "class", 1.5, 0.5, "school"),
                        new OlympiadYear.Stage("municipal", "Муниципальный", "2025-11-01", "2025-12-25", 7, "territory", 0.45, 0.5, "region")),
                List.of(new OlympiadYear.Subject("math", "Математика", List.of(4, 12)), new OlympiadYear.Subject("math", "Ещё", List.of(5))));
        List<String> problems = broken.problems();
        assertEquals(10, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("key"), problems.toString());
    }
}
