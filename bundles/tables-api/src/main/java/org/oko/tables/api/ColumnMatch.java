package org.oko.tables.api;

/**
 * How an import read one column of the file.
 *
 * @param header as the file writes it
 * @param column the {@link ColumnSpec#id} it fills, or null when it is not read
 * @param source {@link #STANDARD} (our header or a common alias), {@link #CHOSEN} (the import's own
 *               mapping), {@link #REMEMBERED} (chosen at an earlier import) or {@link #NONE}
 */
public record ColumnMatch(String header, String column, String source) {

    public static final String STANDARD = "STANDARD";
    public static final String CHOSEN = "CHOSEN";
    public static final String REMEMBERED = "REMEMBERED";
    public static final String NONE = "NONE";
}
