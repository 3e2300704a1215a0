package org.oko.forms.api;

import java.util.List;

/**
 * A table of indicators: each column is an indicator, each row a grade, subject, branch … A cell's
 * value is addressed as {@code table.column[row]}, e.g. {@code pupils.total[5]}.
 */
public record Table(String code, Text label, Text hint, Rows rows, List<Indicator> columns, String visibleIf)
        implements SectionItem {

    public Table {
        columns = List.copyOf(columns);
    }
}
