package org.oko.forms.internal.expr;

import java.util.List;

/**
 * Where an expression gets its values from. The only door from an expression to the outside
 * world: an expression can read values through it and do nothing else.
 * Values are BigDecimal, String, Boolean, LocalDate, List&lt;String&gt; or null (missing).
 */
public interface Scope {

    /**
     * A bare identifier: an indicator's value or, when evaluating a table column's computed
     * expression (row context), the same row's cell of the column of that name.
     */
    Object name(String code);

    /** The value of {@code table.column[row]}. */
    Object cell(String table, String column, String row);

    /** Every row's value of {@code table.column}, in row order (missing values as null). */
    List<Object> column(String table, String column);
}
