package org.oko.procedure.api;

import java.nio.file.Path;

/**
 * A procedure module's results import offered to other bundles as a service, so that they hand the
 * module a results file in the module's own format (its columns, CSV or XLSX) without the module
 * exporting anything: the demo data's ВПР results come this way. A module registers it with the
 * service property {@value #PROCEDURE} naming itself ({@code vpr}). It runs on the calling thread as
 * the current caller, who must be allowed to import (the system is).
 *
 * @since 1.1
 */
public interface ResultsImporter {

    /** Service property: the procedure module, e.g. {@code vpr}. */
    String PROCEDURE = "oko.procedure";

    /** Whether any result of the test (the key of its spec) is stored. */
    boolean hasResults(String test) throws Exception;

    /**
     * Imports a results file of one test, all or nothing, as the module's own import does.
     *
     * @return the works written
     * @throws IllegalArgumentException when the test is unknown or the file has problems (then nothing is written)
     */
    long importFile(String test, Path file, String fileName) throws Exception;
}
