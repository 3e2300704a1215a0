package org.oko.tables.api;

/**
 * What is wrong with a file (row 0), its header or one of its rows.
 *
 * @param row     the row's number as a spreadsheet shows it; 0 for the file as a whole
 * @param column  the column's header, or null when the problem is not one column's
 * @param message for the user, naming the value and what is expected
 */
public record RowProblem(long row, String column, String message) {
}
