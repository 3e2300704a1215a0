package org.oko.forms.api;

/** Where a school's submission stands (seed 000 §3–4). */
public enum SubmissionState {
    ASSIGNED, IN_PROGRESS, SUBMITTED, RETURNED, VERIFIED, CONFIRMED, LOCKED;

    /** Still with the school: assigned, being filled, or returned for corrections. */
    public boolean withSchool() {
        return this == ASSIGNED || this == IN_PROGRESS || this == RETURNED;
    }

    /** Filled and sent, waiting for the founder's check and letter. */
    public boolean awaitingConfirmation() {
        return this == SUBMITTED || this == VERIFIED;
    }
}
