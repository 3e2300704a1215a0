package org.oko.tables.api;

import java.util.List;

/**
 * A row of a tabular file as read.
 *
 * @param number   the row's number as a spreadsheet shows it (the header's is usually 1)
 * @param cells    cell texts, trimmed, "" for an empty cell; an XLSX row leaves out its trailing empty
 *                 cells, so a cell past the end is empty ({@link #cell})
 * @param cutShort a CSV row with fewer cells than the header: the file broke off inside it. Such a row
 *                 is a row error ({@link ColumnMapping#cutShort}), never a row of empty cells
 */
public record TableRow(long number, List<String> cells, boolean cutShort) {

    public TableRow {
        cells = List.copyOf(cells);
    }

    /** The cell at {@code index}, "" when the row has no such cell. */
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    public boolean blank() {
        return cells.stream().allMatch(String::isEmpty);
    }
}
