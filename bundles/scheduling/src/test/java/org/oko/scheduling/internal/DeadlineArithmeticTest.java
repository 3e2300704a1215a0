package org.oko.scheduling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.oko.scheduling.api.CalendarYear;
import org.oko.scheduling.api.Deadline;
import org.oko.scheduling.api.Deadlines;

class DeadlineArithmeticTest {

    private final CalendarService calendar = new CalendarService();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void year2026HasTheGovernmentsTransfersAnd247WorkingDays() {
        CalendarYear year = calendar.year(2026);
        assertEquals("DECREE", year.source());
        assertEquals(247, year.workingDays());
        assertFalse(calendar.isWorkingDay(d("2026-01-09")), "3 January moved to Friday 9 January");
        assertFalse(calendar.isWorkingDay(d("2026-12-31")), "4 January moved to 31 December");
        assertFalse(calendar.isWorkingDay(d("2026-03-09")), "8 March is a Sunday");
        assertFalse(calendar.isWorkingDay(d("2026-05-11")), "9 May is a Saturday");
        assertTrue(calendar.isWorkingDay(d("2026-01-12")));
    }

    @Test
    void workingDaysSkipHolidaysAndTransfers() {
        // Thursday 30 April 2026 + 1 working day: 1 May (holiday), 2–3 May (weekend) → Monday 4 May.
        assertEquals(d("2026-05-04"), calendar.plusWorkingDays(d("2026-04-30"), 1));
        // Friday 8 May + 1: 9–10 May weekend, 11 May the moved holiday → Tuesday 12 May.
        assertEquals(d("2026-05-12"), calendar.plusWorkingDays(d("2026-05-08"), 1));
        // МИАС: the letter is due 5 working days after filling; filled Friday 6 March → 9 March off → Friday 13 March... counted: 10, 11, 12, 13, 16.
        assertEquals(d("2026-03-16"), calendar.plusWorkingDays(d("2026-03-06"), 5));
        assertEquals(d("2026-03-10"), calendar.plusWorkingDays(d("2026-03-08"), 0), "0 working days: the next working day");
        assertThrows(IllegalArgumentException.class, () -> calendar.plusWorkingDays(d("2026-03-06"), -1));
    }

    @Test
    void termsCrossTheYearEnd() {
        // Wednesday 30 December 2026 + 1 working day: 31 December off, 1–8 January holidays, 9–10 weekend → 11 January 2027.
        assertEquals(d("2027-01-11"), calendar.plusWorkingDays(d("2026-12-30"), 1));
        // 15 calendar days after 25 December 2026 end on 9 January 2027, a Saturday → Monday 11 January (Civil Code art. 193).
        assertEquals(d("2027-01-11"), calendar.plusCalendarDays(d("2026-12-25"), 15));
    }

    @Test
    void yearsWithoutADecreeFollowArticle112() {
        CalendarYear year2027 = calendar.year(2027);
        assertEquals("STATUTORY", year2027.source());
        assertFalse(calendar.isWorkingDay(d("2027-05-03")), "1 May 2027 is a Saturday: Monday 3 May is off");
        assertFalse(calendar.isWorkingDay(d("2027-05-10")), "9 May 2027 is a Sunday: Monday 10 May is off");
        assertFalse(calendar.isWorkingDay(d("2027-06-14")), "12 June 2027 is a Saturday: Monday 14 June is off");
        assertTrue(calendar.isWorkingDay(d("2027-01-11")), "New Year weekend days move by decree only");
    }

    @Test
    void leapYears() {
        // 2028 is a leap year; Monday 28 February + 1 calendar day = Tuesday 29 February.
        assertEquals(d("2028-02-29"), calendar.plusCalendarDays(d("2028-02-28"), 1));
        assertEquals(d("2028-03-01"), calendar.plusWorkingDays(d("2028-02-28"), 2));
        assertEquals(366, java.time.Year.of(2028).length());
        assertEquals(d("2027-03-01"), calendar.plusCalendarDays(d("2027-02-28"), 1), "no 29 February in 2027");
        // 2024 (leap) by the statutory rules: 29 February is a Thursday and worked.
        assertTrue(calendar.isWorkingDay(d("2024-02-29")));
    }

    @Test
    void chainsOfStepsAndEvents() {
        Map<String, Deadline> roadmap = new LinkedHashMap<>();
        roadmap.put("letter", new Deadline.WorkingDaysAfter("fill", 5));     // after the step below, declared before it
        roadmap.put("fill", new Deadline.On(d("2026-03-31")));
        roadmap.put("check", new Deadline.CalendarDaysAfter("letter", 3));
        roadmap.put("form7", new Deadline.CalendarDaysAfter("event:vpr-results", 15));
        Map<String, Optional<LocalDate>> due = Deadlines.resolve(roadmap, Map.of(), calendar);
        assertEquals(Optional.of(d("2026-03-31")), due.get("fill"));
        assertEquals(Optional.of(d("2026-04-07")), due.get("letter"));   // 1, 2, 3, 6, 7 April
        assertEquals(Optional.of(d("2026-04-10")), due.get("check"));
        assertEquals(Optional.empty(), due.get("form7"), "the clock starts when the event is recorded");

        Map<String, Optional<LocalDate>> after = Deadlines.resolve(roadmap, Map.of("event:vpr-results", d("2026-05-20")), calendar);
        assertEquals(Optional.of(d("2026-06-04")), after.get("form7"));  // 15 calendar days after 20 May
    }

    @Test
    void cyclesAndUnknownReferencesAreRefused() {
        Map<String, Deadline> cycle = Map.of("a", new Deadline.WorkingDaysAfter("b", 1), "b", new Deadline.CalendarDaysAfter("a", 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Deadlines.resolve(cycle, Map.of(), calendar));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Deadlines.resolve(Map.of("a", new Deadline.WorkingDaysAfter("nothing", 1)), Map.of(), calendar));
        assertThrows(IllegalArgumentException.class, () -> calendar.year(1999));
    }
}
