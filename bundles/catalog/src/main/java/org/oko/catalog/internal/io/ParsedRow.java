package org.oko.catalog.internal.io;

import org.oko.catalog.api.Organisation;

/**
 * One data row of an imported file.
 *
 * @param row           row number as the spreadsheet shows it (header = 1)
 * @param organisation  the row's values; territoryCode as the file gives it (may be null), version 0.
 *                      A row with errors carries whatever values could be read, the bad ones null.
 * @param territoryCode value of the territory code column, or null
 * @param territoryName value of the territory name column, or null
 */
public record ParsedRow(int row, Organisation organisation, String territoryCode, String territoryName) {
}
