package org.oko.tables.api;

/** The file as a whole cannot be read as a table: the message says why, for the user. */
public class TableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TableException(String message) {
        super(message);
    }

    public TableException(String message, Throwable cause) {
        super(message, cause);
    }
}
