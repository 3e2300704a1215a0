package org.oko.catalog.api;

/**
 * How an import runs.
 *
 * @param dryRun            check and report only
 * @param createTerritories create the territories the file names that the catalog does not know
 *                          yet, each with an education authority (a region's first import into an
 *                          empty catalog); without it they are row errors. The report lists them
 *                          either way ({@link ImportReport#newTerritories()}), so a check can ask first.
 * @param columns           the file's headers mapped to catalogue columns by a person (a column
 *                          name, or "" to leave the column out); applied, the mapping is remembered
 *                          and offered for the next file with those headers
 * @since 1.1
 */
public record ImportOptions(boolean dryRun, boolean createTerritories, java.util.Map<String, String> columns) {

    public ImportOptions {
        columns = columns == null ? java.util.Map.of() : java.util.Map.copyOf(columns);
    }

    public ImportOptions(boolean dryRun, boolean createTerritories) {
        this(dryRun, createTerritories, java.util.Map.of());
    }
}
