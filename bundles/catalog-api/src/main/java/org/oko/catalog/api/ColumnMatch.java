package org.oko.catalog.api;

/**
 * How an import read one column of the file.
 *
 * @param header as the file writes it
 * @param column the catalogue column it fills ({@code CODE}, {@code FULL_NAME}, … as
 *               {@code GET /api/catalog/columns} lists them), or null when it is not read
 * @param source {@code STANDARD} (our header or a common alias), {@code CHOSEN} (the import's own
 *               mapping), {@code REMEMBERED} (chosen at an earlier import) or {@code NONE}
 * @since 1.1
 */
public record ColumnMatch(String header, String column, String source) {
}
