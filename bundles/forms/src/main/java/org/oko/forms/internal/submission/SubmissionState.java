package org.oko.forms.internal.submission;

/** Where a school's submission stands (seed 000 §3–4). */
public enum SubmissionState {
    ASSIGNED, IN_PROGRESS, SUBMITTED, RETURNED, VERIFIED, CONFIRMED, LOCKED
}
