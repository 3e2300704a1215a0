package org.oko.forms.internal.submission;

import java.util.Locale;
import java.util.Map;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;

/**
 * A refused request about a submission, with the HTTP status it means and, where useful, details
 * for the client (the other person's value on a conflict, the blocking messages on a submit). It
 * leaves the API in OKO's one error format, its details as the body's {@code details}.
 */
public class SubmissionException extends ApiException {

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

    /** A "Русский / English" message, split in two; code {@code submission.<kind>}. */
    public SubmissionException(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    public SubmissionException(Kind kind, String message, Map<String, Object> details) {
        this(kind, "submission." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), ApiMessage.split(message), details);
    }

    public SubmissionException(Kind kind, String code, String ru, String en) {
        this(kind, code, new ApiMessage(ru, en), Map.of());
    }

    public SubmissionException(Kind kind, String code, String ru, String en, Map<String, Object> details) {
        this(kind, code, new ApiMessage(ru, en), details);
    }

    private SubmissionException(Kind kind, String code, ApiMessage text, Map<String, Object> details) {
        super(ApiException.Kind.valueOf(kind.name()), code, text);
        this.kind = kind;
        withDetails(details);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field (value key) the refusal is about; returns this. */
    @Override
    public SubmissionException withField(String field) {
        super.withField(field);
        return this;
    }
}
