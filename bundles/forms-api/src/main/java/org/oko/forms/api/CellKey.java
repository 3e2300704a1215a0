package org.oko.forms.api;

import java.util.Optional;

/**
 * The key of one table cell, {@code table.column[row]} (e.g. {@code pupils.total[5]}), as values
 * are stored, sent and written in expressions. A single indicator's key is just its code.
 */
public record CellKey(String table, String column, String row) {

    @Override
    public String toString() {
        return table + "." + column + "[" + row + "]";
    }

    /**
     * The cell of a key ({@code table.column[row]}: names of a letter then letters, digits or underscores, a row of any
     * characters but brackets), empty for any other key. By hand rather than a regular expression: every value of every
     * submission a region's analytics reads goes through it.
     */
    public static Optional<CellKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int dot = nameEnd(key, 0);
        if (dot < 0 || dot >= key.length() || key.charAt(dot) != '.') {
            return Optional.empty();
        }
        int open = nameEnd(key, dot + 1);
        int close = key.length() - 1;
        if (open < 0 || open >= close - 1 || key.charAt(open) != '[' || key.charAt(close) != ']') {
            return Optional.empty();
        }
        for (int i = open + 1; i < close; i++) {
            if (key.charAt(i) == '[' || key.charAt(i) == ']') {
                return Optional.empty();
            }
        }
        return Optional.of(new CellKey(key.substring(0, dot), key.substring(dot + 1, open), key.substring(open + 1, close)));
    }

    /** Where a name starting at {@code from} ends, or -1 when none starts there. */
    private static int nameEnd(String key, int from) {
        if (from >= key.length() || !letter(key.charAt(from))) {
            return -1;
        }
        int i = from + 1;
        while (i < key.length() && (letter(key.charAt(i)) || (key.charAt(i) >= '0' && key.charAt(i) <= '9') || key.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static boolean letter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
