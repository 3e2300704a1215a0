package org.oko.catalog.internal.io;

import java.time.LocalDate;
import java.util.List;

/**
 * A sheet as read, before any meaning is given to it.
 *
 * @param header cells of the header row
 * @param rows   non-blank data rows, in file order
 */
record RawTable(List<String> header, List<Row> rows) {

    /**
     * @param row     row number as a spreadsheet shows it (header = 1)
     * @param cells   values: a trimmed non-empty String, a LocalDate (Excel date cells), or null
     * @param cutShort a CSV row with fewer cells than the header: the file broke off inside it (an XLSX
     *                 simply leaves trailing empty cells out, so there the flag is never set)
     */
    record Row(int row, List<Object> cells, boolean cutShort) {

        Row(int row, List<Object> cells) {
            this(row, cells, false);
        }

        Object cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }
    }

    /** Empty text is no value; surrounding spaces are typing noise. */
    static Object clean(Object value) {
        if (value instanceof String text) {
            String trimmed = text.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }
        return value instanceof LocalDate ? value : null;
    }

    static boolean isBlank(List<Object> cells) {
        return cells.stream().allMatch(cell -> cell == null);
    }
}
