package org.oko.catalog.api;

/** A catalog operation was refused; the message says why, in Russian, for the user. */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason { NOT_FOUND, INVALID, CONFLICT }

    private final Reason reason;

    public CatalogException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
