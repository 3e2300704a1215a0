package org.oko.scheduling.api;

import java.time.LocalDate;

/**
 * When a roadmap step is due: on a fixed date, or N calendar or working days after another step's
 * deadline or after an event (e.g. "the ВПР results arrived"), which starts the clock when it is recorded.
 */
public sealed interface Deadline permits Deadline.On, Deadline.CalendarDaysAfter, Deadline.WorkingDaysAfter {

    /** A fixed date (a day off moves it to the next working day only if the roadmap says so: it does not). */
    record On(LocalDate date) implements Deadline {
    }

    /** @param after a step's id or an event's name */
    record CalendarDaysAfter(String after, int days) implements Deadline {
    }

    /** @param after a step's id or an event's name */
    record WorkingDaysAfter(String after, int days) implements Deadline {
    }
}
