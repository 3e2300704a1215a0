package org.oko.forms.api;

import java.util.List;

/**
 * Where a table's rows come from: a fixed list written in the definition, a shared breakdown, or
 * open rows that the school adds (branches, programmes), keyed by what the school types.
 */
public record Rows(Kind kind, List<RowSpec> fixed, Breakdown breakdown, Integer maxRows) {

    public enum Kind { FIXED, BREAKDOWN, OPEN }

    public Rows {
        fixed = fixed == null ? List.of() : List.copyOf(fixed);
    }

    /** The rows known before any value is typed: the fixed list or the breakdown's (open rows: none). */
    public List<RowSpec> known() {
        return switch (kind) {
            case FIXED -> fixed;
            case BREAKDOWN -> breakdown.rows();
            case OPEN -> List.of();
        };
    }
}
