package org.oko.catalog.internal.io;

import java.util.List;

import org.oko.tables.api.TableRow;

/**
 * A sheet as read, before any meaning is given to it.
 *
 * @param header    cells of the header row
 * @param headerRow the header's row number
 * @param rows      non-blank data rows, in file order
 */
record RawTable(List<String> header, long headerRow, List<Row> rows) {

    /**
     * @param row      row number as a spreadsheet shows it (header = 1)
     * @param cells    values: a trimmed non-empty String (an Excel date as dd.MM.yyyy), or null
     * @param cutShort a CSV row with fewer cells than the header: the file broke off inside it
     * @param source   the row as the table reader gave it
     */
    record Row(int row, List<Object> cells, boolean cutShort, TableRow source) {

        Row(int row, List<Object> cells) {
            this(row, cells, false, null);
        }

        Object cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }
    }
}
