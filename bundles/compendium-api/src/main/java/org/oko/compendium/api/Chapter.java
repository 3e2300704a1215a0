package org.oko.compendium.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.oko.platform.api.rest.ApiMessage;

/**
 * A chapter: its heading and its blocks in order. The compendium numbers chapters, tables and figures itself.
 *
 * @param title  the heading (the spec's title, when it gives one, is put in its place)
 * @param blocks texts, tables and charts
 */
public record Chapter(ApiMessage title, List<Block> blocks) {

    public Chapter {
        blocks = List.copyOf(blocks);
    }

    /** A part of a chapter: {@link Text}, {@link Table} or {@link Chart}. */
    public interface Block {
    }

    /** A paragraph, or a sub-heading when {@code heading}. */
    public record Text(ApiMessage text, boolean heading) implements Block {

        public static Text paragraph(ApiMessage text) {
            return new Text(text, false);
        }

        public static Text heading(ApiMessage text) {
            return new Text(text, true);
        }
    }

    /**
     * A numbered table.
     *
     * @param title   what it shows («Общеобразовательные организации по муниципалитетам»)
     * @param columns the headings of the values, the rows' label column excluded
     * @param rows    the rows (territories, subjects …)
     * @param total   the total row (the region), or null; the test of a compendium compares it with the platform's figures
     * @param note    a line under the table (sources, what a dash means), or null
     */
    public record Table(ApiMessage title, ApiMessage labelColumn, List<ApiMessage> columns, List<Row> rows, Row total, ApiMessage note)
            implements Block {

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /**
     * A row: its label and one cell per column, each a number ({@link BigDecimal}, {@link Integer}, {@link Long}), a
     * text ({@link ApiMessage}) or null (a dash).
     */
    public record Row(ApiMessage label, List<Object> values) {

        public Row {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /**
     * A numbered figure: bars (categories side by side, one bar per series) or lines (categories as the x axis, years).
     *
     * @param kind {@link #BARS} or {@link #LINES}
     */
    public record Chart(ApiMessage title, String kind, List<ApiMessage> categories, List<Series> series, ApiMessage unit) implements Block {

        public static final String BARS = "bars";
        public static final String LINES = "lines";

        public Chart {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
        }
    }

    /** A series of a chart: one value per category, null where there is none. */
    public record Series(ApiMessage name, List<BigDecimal> values) {

        public Series {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }
}
