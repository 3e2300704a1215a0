package org.oko.forms.internal.submission;

import java.util.Map;

/**
 * A refused request about a submission, with the HTTP status it means and, where useful, details
 * for the client (the other person's value on a conflict, the blocking messages on a submit).
 */
public class SubmissionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The role may never do this: 403. */
        FORBIDDEN,
        /** Not now: the state, a blocking message, another person's newer value: 409. */
        CONFLICT,
        /** Bad input: 400. */
        INVALID,
        /** Too large: 413. */
        TOO_LARGE
    }

    private final Kind kind;
    private final transient Map<String, Object> details;

    public SubmissionException(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    public SubmissionException(Kind kind, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.details = details;
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, Object> details() {
        return details;
    }
}
