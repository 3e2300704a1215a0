package org.oko.tables.api;

import java.util.Map;

/**
 * The columns of a region's own files that people mapped at an import, offered again for the next
 * file with that header. One memory per kind of import ("catalog", "vpr", a module's own), shared by
 * the region's people: a centre's files come from the same few sources year after year.
 */
public interface ColumnMemory {

    /** What was chosen for this kind of import: {@link Headers#normalise normalised} header → column id, "" for a column left out. */
    Map<String, String> remembered(String kind);

    /** Keeps these choices (header → column id, "" to leave the column out), replacing earlier ones for the same headers. */
    void remember(String kind, Map<String, String> choices);
}
