package org.oko.forms.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of one table cell, {@code table.column[row]} (e.g. {@code pupils.total[5]}), as values
 * are stored, sent and written in expressions. A single indicator's key is just its code.
 */
public record CellKey(String table, String column, String row) {

    private static final Pattern FORM = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\.([A-Za-z][A-Za-z0-9_]*)\\[([^\\[\\]]+)]");

    @Override
    public String toString() {
        return table + "." + column + "[" + row + "]";
    }

    public static Optional<CellKey> parse(String key) {
        Matcher matcher = FORM.matcher(key == null ? "" : key);
        return matcher.matches() ? Optional.of(new CellKey(matcher.group(1), matcher.group(2), matcher.group(3))) : Optional.empty();
    }
}
