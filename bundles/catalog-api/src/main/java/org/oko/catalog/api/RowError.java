package org.oko.catalog.api;

/**
 * Why a row of an imported file cannot be taken.
 *
 * @param row     row number as the spreadsheet shows it (the header is row 1); 0 for the file as a whole
 * @param column  header of the column at fault, or null for the whole row
 * @param message what is wrong, in Russian
 */
public record RowError(int row, String column, String message) {
}
