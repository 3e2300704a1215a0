package org.oko.scheduling.internal.campaign;

import java.time.LocalDate;
import java.time.ZoneId;

import org.oko.forms.api.Submissions;
import org.oko.scheduling.api.ProductionCalendar;

/** When a submission is late: the school's deadline, and the founder's letter after the form was sent. */
public final class Overdue {

    private Overdue() {
    }

    /** Still with the school after its deadline passed. */
    public static boolean submission(Submissions.Status status, LocalDate deadline, LocalDate today) {
        return status.state().withSchool() && deadline != null && today.isAfter(deadline);
    }

    /** The day the founder's letter is due for a sent form; null when none is awaited. */
    public static LocalDate confirmationDue(Submissions.Status status, int workingDays, ProductionCalendar calendar, ZoneId zone) {
        if (!status.state().awaitingConfirmation() || status.submittedAt() == null) {
            return null;
        }
        return calendar.plusWorkingDays(LocalDate.ofInstant(status.submittedAt(), zone), workingDays);
    }

    public static boolean confirmation(LocalDate due, LocalDate today) {
        return due != null && today.isAfter(due);
    }
}
