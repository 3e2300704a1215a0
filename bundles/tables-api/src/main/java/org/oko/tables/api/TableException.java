package org.oko.tables.api;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;

/**
 * The file as a whole cannot be read as a table: the message says why, for the user, in Russian and
 * English. A refusal of the request (400) with a code {@code table.*}.
 */
public class TableException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** A "Русский / English" message (or a Russian one), split in two; code {@code table.unreadable}. */
    public TableException(String message) {
        this(message, (Throwable) null);
    }

    public TableException(String message, Throwable cause) {
        super(Kind.INVALID, "table.unreadable", ApiMessage.split(message), cause);
    }

    public TableException(String code, String ru, String en) {
        this(code, ru, en, null);
    }

    public TableException(String code, String ru, String en, Throwable cause) {
        super(Kind.INVALID, code, new ApiMessage(ru, en), cause);
    }

    public TableException(String code, ApiMessage text) {
        this(code, text, null);
    }

    public TableException(String code, ApiMessage text, Throwable cause) {
        super(Kind.INVALID, code, text, cause);
    }
}
