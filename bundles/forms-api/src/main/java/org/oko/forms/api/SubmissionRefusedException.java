package org.oko.forms.api;

import java.util.Locale;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;

/**
 * A submission operation was refused; the message says why, in Russian and English, for the user. It
 * leaves the API in OKO's one error format with its reason's status (403, 409, 400, 413).
 */
public class SubmissionRefusedException extends ApiException {

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

    /** A "Русский / English" message, split in two; code {@code submission.<reason>}. */
    public SubmissionRefusedException(Reason reason, String message) {
        this(reason, "submission." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'), ApiMessage.split(message));
    }

    public SubmissionRefusedException(Reason reason, String code, ApiMessage text) {
        super(Kind.valueOf(reason.name()), code, text);
        this.reason = reason;
    }

    /** The same refusal as another's: its code, texts, field and details. */
    public SubmissionRefusedException(Reason reason, ApiException refused) {
        this(reason, refused.code(), refused.text());
        withField(refused.field());
        withDetails(refused.details());
    }

    public Reason reason() {
        return reason;
    }
}
