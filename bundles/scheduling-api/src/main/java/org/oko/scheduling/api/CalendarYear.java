package org.oko.scheduling.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year of the production calendar (производственный календарь).
 *
 * @param dayOffs         weekdays that are not worked: public holidays and days off moved by transfers
 * @param workingWeekends Saturdays or Sundays that are worked because a day off was moved away from them
 * @param source          where the year comes from: {@code DECREE} (shipped with the government's transfers),
 *                        {@code STATUTORY} (computed from article 112 of the Labour Code alone: the
 *                        government's transfers of that year are not known yet) or {@code EDITED} (by the administrator)
 */
public record CalendarYear(int year, Set<LocalDate> dayOffs, Set<LocalDate> workingWeekends, String source) {

    public CalendarYear {
        dayOffs = Set.copyOf(new TreeSet<>(dayOffs));
        workingWeekends = Set.copyOf(new TreeSet<>(workingWeekends));
        for (LocalDate day : dayOffs) {
            if (day.getYear() != year) {
                throw new IllegalArgumentException(day + " is not in " + year);
            }
        }
        for (LocalDate day : workingWeekends) {
            if (day.getYear() != year || !isWeekend(day)) {
                throw new IllegalArgumentException(day + " is not a Saturday or Sunday of " + year);
            }
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
        return isWeekend(day) ? workingWeekends.contains(day) : !dayOffs.contains(day);
    }

    /** Working days in the year: what a production calendar prints first (247 in 2026). */
    public int workingDays() {
        int count = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
