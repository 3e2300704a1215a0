package org.oko.forms.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Submissions as other bundles see them: the campaign scheduler assigns forms in bulk and follows
 * their states; modules that compute (the ВПР module's form 7) write values. Every call is
 * authorised by the current caller's role and organisation scope, exactly as over REST;
 * refusals are {@link SubmissionRefusedException}, unknown or invisible submissions
 * {@link java.util.NoSuchElementException}.
 */
public interface Submissions {

    /**
     * One submission's state.
     *
     * @param submittedAt when it was last sent by the school (null before); the founder's letter is due
     *                    a number of working days after it
     */
    record Status(long id, String period, String formId, int formVersion, String organisationCode, SubmissionState state,
                  int completion, Instant submittedAt, Instant changedAt) {
    }

    /** What happened to one organisation in a bulk assignment or withdrawal. */
    record Outcome(String organisationCode, Result result, Long submissionId, String message) {
    }

    enum Result {
        /** Assigned now, or withdrawn now. */
        DONE,
        /** Already assigned (assign) or not assigned (withdraw): nothing to do. */
        UNCHANGED,
        /** Refused for this organisation: outside the caller's scope, not a school, holds data; see the message. */
        REFUSED
    }

    /** Every submission of a form in a period within the caller's scope. */
    List<Status> statuses(String period, String formId);

    /**
     * A form's values in a period within the caller's scope, of every version of the form, as the form shows them:
     * the values typed in with the computed ones and those of calculators, by organisation and key. For analytics
     * over many schools.
     *
     * @since 1.5
     */
    Map<String, Map<String, Object>> values(String period, String formId);

    /**
     * Some keys of a form's values in a period, as {@link #values(String, String)} answers them ({@code code} or
     * {@code table.column[row]}, computed ones included): only what they need is read and computed, which is what a
     * region's analytics over a few of each form's keys wants. Keys the form does not hold are absent.
     *
     * @since 1.7
     */
    default Map<String, Map<String, Object>> values(String period, String formId, Set<String> keys) {
        Map<String, Map<String, Object>> values = new java.util.TreeMap<>(values(period, formId));
        values.replaceAll((organisation, byKey) -> {
            Map<String, Object> some = new java.util.HashMap<>(byKey);
            some.keySet().retainAll(keys);
            return some;
        });
        return values;
    }

    /**
     * A token that changes whenever a submission of the form in the period is assigned, written or removed, so that a
     * cache of {@link #values} knows when to read again (values a module's calculator fills change with the module's
     * own data, not with this token).
     *
     * @since 1.6
     */
    String changes(String period, String formId);

    /**
     * Assigns the newest available version of a form to each organisation for the period, in one
     * transaction: the outcome per organisation says what happened.
     */
    List<Outcome> assign(String period, String formId, Collection<String> organisationCodes);

    /** Withdraws the assignments that hold no data yet; the others are refused with a reason. */
    List<Outcome> withdraw(String period, String formId, Collection<String> organisationCodes);

    /**
     * Saves one value as the caller (a school coordinator, or the system for computed forms).
     *
     * @param expectedRevision the revision the caller read (0 for an empty value)
     * @return the value's new revision
     */
    int save(long id, String key, Object value, int expectedRevision);

    void submit(long id);

    void sendBack(long id, String comment);

    void verify(long id);

    /** Confirms with the founder's letter: PDF, JPEG or PNG. */
    void confirm(long id, String fileName, String contentType, byte[] content);
}
