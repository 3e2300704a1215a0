package org.oko.forms.internal.expr;

/**
 * What an expression refers to, so that definitions can be checked statically and computed
 * indicators ordered by their dependencies.
 *
 * @param kind   NAME ({@code code}: an indicator, or a same-row column in row context),
 *               CELL ({@code table.column[row]}) or COLUMN ({@code table.column}, aggregates only)
 * @param code   the indicator or table code
 * @param column the column of a CELL or COLUMN, else null
 * @param row    the row of a CELL, else null
 */
public record Reference(Kind kind, String code, String column, String row) {

    public enum Kind { NAME, CELL, COLUMN }

    public static Reference name(String code) {
        return new Reference(Kind.NAME, code, null, null);
    }

    public static Reference cell(String table, String column, String row) {
        return new Reference(Kind.CELL, table, column, row);
    }

    public static Reference column(String table, String column) {
        return new Reference(Kind.COLUMN, table, column, null);
    }

    /** As written in expressions and value keys: {@code code}, {@code t.c[r]} or {@code t.c}. */
    public String key() {
        return switch (kind) {
            case NAME -> code;
            case CELL -> code + "." + column + "[" + row + "]";
            case COLUMN -> code + "." + column;
        };
    }

    @Override
    public String toString() {
        return key();
    }
}
