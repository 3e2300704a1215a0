package org.oko.forms.internal.submission;

/** What can be done to a submission. */
public enum Action {
    /** Save a value or an explanation of a warning. */
    EDIT,
    SUBMIT,
    /** Send back to the school with comments. */
    RETURN,
    VERIFY,
    /** Upload the founder's official letter (signed PDF or scan). */
    CONFIRM,
    LOCK,
    /** Reopen a confirmed or locked submission, with a reason. */
    UNLOCK
}
