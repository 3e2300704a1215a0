package org.oko.scheduling.api;

import java.time.LocalDate;

/**
 * Working days across years. Every year has a calendar: shipped or edited years as they are, other
 * years by the statutory rules ({@link CalendarYear#source()} says which).
 */
public interface ProductionCalendar {

    CalendarYear year(int year);

    default boolean isWorkingDay(LocalDate day) {
        return year(day.getYear()).isWorkingDay(day);
    }

    /** The day itself when it is worked, else the next working day. */
    default LocalDate onOrAfter(LocalDate day) {
        LocalDate result = day;
        while (!isWorkingDay(result)) {
            result = result.plusDays(1);
        }
        return result;
    }

    /**
     * The {@code days}-th working day after {@code from} (not counting {@code from} itself):
     * "5 working days after the 30th" is the fifth working day that follows the 30th.
     */
    default LocalDate plusWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a negative number of working days: " + days);
        }
        LocalDate result = from;
        for (int counted = 0; counted < days; ) {
            result = result.plusDays(1);
            if (isWorkingDay(result)) {
                counted++;
            }
        }
        return days == 0 ? onOrAfter(from) : result;
    }

    /**
     * {@code days} calendar days after {@code from}; a term that ends on a day off ends on the next
     * working day (Civil Code of the Russian Federation, article 193).
     */
    default LocalDate plusCalendarDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a negative number of days: " + days);
        }
        return onOrAfter(from.plusDays(days));
    }
}
