package org.oko.forms.internal.submission;

import java.util.Locale;
import java.util.Map;

import org.oko.forms.internal.FormsTexts;
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

    /** A refusal whose code is the message key {@code key} and whose text is the bundle's text of that key. */
    public static SubmissionException of(Kind kind, String key, Object... arguments) {
        return new SubmissionException(kind, key, FormsTexts.TEXTS.text(key, arguments), Map.of());
    }

    /** A refusal with the general code {@code submission.<kind>} and a text of the bundle's texts. */
    public SubmissionException(Kind kind, ApiMessage text) {
        this(kind, "submission." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), text, Map.of());
    }

    public SubmissionException(Kind kind, String code, String ru, String en) {
        this(kind, code, new ApiMessage(ru, en), Map.of());
    }

    public SubmissionException(Kind kind, String code, String ru, String en, Map<String, Object> details) {
        this(kind, code, new ApiMessage(ru, en), details);
    }

    public SubmissionException(Kind kind, String code, ApiMessage text, Map<String, Object> details) {
        super(ApiException.Kind.valueOf(kind.name()), code, text);
        this.kind = kind;
        withDetails(details);
    }

    public Kind kind() {
        return kind;
    }

    /** Details for the client, written as the body's {@code details}; returns this. */
    @Override
    public SubmissionException withDetails(Map<String, ?> details) {
        super.withDetails(details);
        return this;
    }

    /** The input field (value key) the refusal is about; returns this. */
    @Override
    public SubmissionException withField(String field) {
        super.withField(field);
        return this;
    }
}
