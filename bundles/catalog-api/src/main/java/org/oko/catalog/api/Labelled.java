package org.oko.catalog.api;

/** An enum value with the Russian label used in files and in the UI. */
public interface Labelled {

    /** Russian label, as in the region's spreadsheets. */
    String label();
}
