package org.oko.forms.api;

/** A submission operation was refused; the message says why, in Russian and English, for the user. */
public class SubmissionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The role may never do this. */
        FORBIDDEN,
        /** Not now: the state, a blocking message, another person's newer value. */
        CONFLICT,
        /** Bad input. */
        INVALID,
        /** Too large. */
        TOO_LARGE
    }

    private final Reason reason;

    public SubmissionRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
