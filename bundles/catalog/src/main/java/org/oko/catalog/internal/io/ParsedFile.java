package org.oko.catalog.internal.io;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.oko.tables.api.ColumnMatch;
import org.oko.catalog.api.FileFormat;
import org.oko.catalog.api.RowError;

/**
 * An imported file, read but not yet checked against the catalog.
 *
 * @param format what the file turned out to be
 * @param rows   rows with a code, in file order, except repeats of a code; rows with errors included,
 *               so that references to them do not look dangling as well
 * @param errors  every problem found, in file order; row 1 for problems of the header
 * @param columns the columns the file has; an absent column leaves stored values alone on import
 * @param matches how each of the file's columns was read, in file order
 */
public record ParsedFile(FileFormat format, List<ParsedRow> rows, List<RowError> errors, Set<CatalogColumns> columns,
                         List<ColumnMatch> matches) {

    public ParsedFile {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
        columns = columns.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(columns));
        matches = List.copyOf(matches);
    }

    /** A file with every column. */
    public ParsedFile(FileFormat format, List<ParsedRow> rows, List<RowError> errors) {
        this(format, rows, errors, EnumSet.allOf(CatalogColumns.class), List.of());
    }

    public boolean has(CatalogColumns column) {
        return columns.contains(column);
    }

    /** Whether a data row had any error: such a row must not be written. */
    public boolean hasErrors(int row) {
        return errors.stream().anyMatch(error -> error.row() == row);
    }
}
