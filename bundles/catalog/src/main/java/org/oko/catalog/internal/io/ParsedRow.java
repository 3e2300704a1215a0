package org.oko.catalog.internal.io;

import org.oko.catalog.api.Contacts;
import org.oko.catalog.api.Organisation;

/**
 * One data row of an imported file.
 *
 * @param row           row number as the spreadsheet shows it (header = 1)
 * @param organisation  the row's values; territoryCode as the file gives it (may be null), version 0.
 *                      A row with errors carries whatever values could be read, the bad ones null.
 * @param territoryCode value of the territory code column, or null
 * @param territoryName value of the territory name column, or null
 * @param contacts      the values of the contacts' columns (null where the file has none), version 0
 */
public record ParsedRow(int row, Organisation organisation, String territoryCode, String territoryName, Contacts contacts) {

    /** A row of a file without the contacts' columns. */
    public ParsedRow(int row, Organisation organisation, String territoryCode, String territoryName) {
        this(row, organisation, territoryCode, territoryName, Contacts.NONE);
    }
}
