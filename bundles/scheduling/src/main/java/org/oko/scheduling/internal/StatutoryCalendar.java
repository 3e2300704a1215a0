package org.oko.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.oko.scheduling.api.CalendarYear;

/**
 * A year by article 112 of the Labour Code alone: the public holidays, and a holiday that falls on
 * a weekend moves to the next working day — except the New Year holidays (1–8 January), whose
 * weekend days the government moves by decree each year. Used for years with no shipped or
 * edited calendar; {@code source = STATUTORY} tells that the decree's transfers are missing.
 */
final class StatutoryCalendar {

    static final List<MonthDay> HOLIDAYS = List.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5),
            MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
            MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));

    private StatutoryCalendar() {
    }

    static CalendarYear of(int year) {
        Set<LocalDate> off = new TreeSet<>();
        for (MonthDay holiday : HOLIDAYS) {
            off.add(holiday.atYear(year));
        }
        Set<LocalDate> dayOffs = new TreeSet<>();
        for (LocalDate holiday : off) {
            if (!weekend(holiday)) {
                dayOffs.add(holiday);
            } else if (holiday.getMonthValue() != 1 || holiday.getDayOfMonth() > 8) {
                LocalDate moved = holiday.plusDays(1);
                while (weekend(moved) || off.contains(moved) || dayOffs.contains(moved)) {
                    moved = moved.plusDays(1);
                }
                dayOffs.add(moved);
            }
        }
        return new CalendarYear(year, dayOffs, Set.of(), "STATUTORY");
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
