package org.oko.catalog.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Import and export of organisations as XLSX or CSV, with the same columns both ways. */
public interface CatalogTransfer {

    /**
     * Imports organisations, upserting by code. The format is recognised from the content (XLSX is
     * a zip); the file name only helps the messages.
     *
     * @param dryRun check and report only
     * @return the report; with any row error nothing is written
     * @throws CatalogException INVALID when the file is too large, empty or unreadable as a whole
     */
    default ImportReport importFile(String fileName, InputStream content, boolean dryRun) throws IOException {
        return importFile(fileName, content, new ImportOptions(dryRun, false));
    }

    /**
     * The same, with the options of a region's first import (territories created from the file).
     *
     * @since 1.1
     */
    ImportReport importFile(String fileName, InputStream content, ImportOptions options) throws IOException;

    /** Writes the organisations matching the filter, sorted by code. */
    void export(FileFormat format, OrganisationFilter filter, OutputStream out) throws IOException;
}
