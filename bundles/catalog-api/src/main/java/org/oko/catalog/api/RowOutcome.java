package org.oko.catalog.api;

import java.util.List;

/**
 * What an import does (or, in a dry run, would do) with one row.
 *
 * @param row           row number as the spreadsheet shows it
 * @param code          organisation code
 * @param action        created, changed or left alone
 * @param changedFields for CHANGED: the headers of the columns whose values differ
 */
public record RowOutcome(int row, String code, Action action, List<String> changedFields) {

    public enum Action { CREATED, CHANGED, UNCHANGED }
}
