package org.oko.catalog.api;

import java.util.List;

import org.oko.tables.api.ColumnMatch;

/**
 * Result of an import. With any error nothing is changed ({@code applied} is false), whatever the
 * number of good rows: imports are all-or-nothing.
 *
 * @param dryRun    only checked, nothing written
 * @param applied   the changes were written
 * @param rows      data rows read
 * @param created   rows that create an organisation
 * @param changed   rows that change one
 * @param unchanged rows equal to what is stored
 * @param outcomes  per row, in file order
 * @param errors    per row, in file order; empty when the file is good
 * @param warnings  per row, in file order: what the import decided for the user or what will be
 *                  missing (no settlement type, a founder taken from the territory); they block nothing
 * @param newTerritories the territories the file names that the catalog lacks: created with
 *                  {@link ImportOptions#createTerritories()}, otherwise row errors
 * @param columns   how each column of the file was read, in file order
 * @since 1.1
 */
public record ImportReport(boolean dryRun, boolean applied, int rows, int created, int changed, int unchanged,
                           List<RowOutcome> outcomes, List<RowError> errors, List<RowError> warnings,
                           List<NewTerritory> newTerritories, List<ColumnMatch> columns) {
}
