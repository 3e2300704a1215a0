package org.oko.procedure.api;

import java.math.BigDecimal;
import java.util.List;

import org.oko.platform.api.rest.ApiMessage;

/**
 * A table of the public school catalogue: cells by row (the school, the region; a plan's measures) and column, each
 * text in both languages.
 *
 * @param title   what the table shows («Русский язык, 5 класс, 2026»)
 * @param columns the columns' headings, one per value of a row
 * @param rows    the rows, the school's first
 * @param note    a line under the table (how many wrote the test), or null
 * @since 1.3
 */
public record PublicTable(ApiMessage title, List<ApiMessage> columns, List<Row> rows, ApiMessage note) {

    public PublicTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * A row: its label and its cells in the columns' order, each a number ({@link BigDecimal} or {@link Integer}), a
     * text ({@link ApiMessage}) or null (nothing to show).
     */
    public record Row(ApiMessage label, List<Object> values) {

        public Row {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }
}
