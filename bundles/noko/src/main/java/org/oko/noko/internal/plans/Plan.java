package org.oko.noko.internal.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An organisation's plan to remedy the shortcomings the assessment found: written ({@link #DRAFT}), sent to its
 * founder ({@link #SUBMITTED}), returned with a note ({@link #RETURNED}) or approved ({@link #APPROVED}); once
 * approved the organisation reports on each measure and the plan is public with the results.
 */
public record Plan(int year, String organisation, String state, String note, int version, String updatedBy, Instant updatedAt,
                   String decidedBy, Instant decidedAt, List<Measure> measures) {

    public static final String DRAFT = "DRAFT";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String RETURNED = "RETURNED";
    public static final String APPROVED = "APPROVED";

    /** A measure: the shortcoming, what is done about it, by when and by whom; the report once done. */
    public record Measure(int position, String shortcoming, String measure, LocalDate deadline, String responsible, String result,
                          LocalDate doneOn, String reportedBy, Instant reportedAt) {

        public boolean overdue(LocalDate today) {
            return doneOn == null && deadline.isBefore(today);
        }
    }
}
