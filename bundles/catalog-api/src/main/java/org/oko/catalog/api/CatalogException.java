package org.oko.catalog.api;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;

/**
 * A catalog operation was refused; the message says why, in Russian and English, for the user. It leaves
 * the API in OKO's one error format: not found 404, invalid 400, conflict (a concurrent edit, a duplicate) 409.
 */
public class CatalogException extends ApiException {

    private static final long serialVersionUID = 1L;

    public enum Reason { NOT_FOUND, INVALID, CONFLICT }

    private final Reason reason;

    /** A "Русский / English" message (or a Russian one), split in two; code {@code catalog.not-found}, {@code catalog.invalid} or {@code catalog.conflict}. */
    public CatalogException(Reason reason, String message) {
        this(reason, "catalog." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), ApiMessage.split(message));
    }

    public CatalogException(Reason reason, String code, String ru, String en) {
        this(reason, code, new ApiMessage(ru, en));
    }

    public CatalogException(Reason reason, String code, ApiMessage text) {
        super(kind(reason), code, text);
        this.reason = reason;
    }

    private static Kind kind(Reason reason) {
        switch (reason) {
            case NOT_FOUND:
                return Kind.NOT_FOUND;
            case CONFLICT:
                return Kind.CONFLICT;
            default:
                return Kind.INVALID;
        }
    }

    public Reason reason() {
        return reason;
    }
}
