package org.oko.tables.api;

import java.util.List;

/** Told what {@link TableReader} reads, in file order; blank rows are skipped. */
public interface TableHandler {

    /** The first non-blank row: the header, cells trimmed. */
    void header(long number, List<String> cells);

    /** Each non-blank row after the header. */
    void row(TableRow row);
}
