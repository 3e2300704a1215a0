package org.oko.forms.api;

/** A row of a table: its key (as expressions and stored values address it) and its label. */
public record RowSpec(String key, Text label) {
}
