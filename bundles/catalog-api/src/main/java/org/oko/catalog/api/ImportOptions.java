package org.oko.catalog.api;

/**
 * How an import runs.
 *
 * @param dryRun            check and report only
 * @param createTerritories create the territories the file names that the catalog does not know
 *                          yet, each with an education authority (a region's first import into an
 *                          empty catalog); without it they are row errors. The report lists them
 *                          either way ({@link ImportReport#newTerritories()}), so a check can ask first.
 * @since 1.1
 */
public record ImportOptions(boolean dryRun, boolean createTerritories) {
}
