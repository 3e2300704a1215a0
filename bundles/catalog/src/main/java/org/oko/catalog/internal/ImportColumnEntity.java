package org.oko.catalog.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A column of a region's own files that a person mapped to a catalogue column (or to none) at an
 * import: offered again for the next file with that header.
 */
@Entity
@Table(name = "CATALOG_IMPORT_COLUMN")
public class ImportColumnEntity {

    /** The header, normalised as import compares headers. */
    @Id
    @Column(name = "HEADER", length = 200)
    private String header;

    /** A {@code CatalogColumns} name; empty for a column the person chose to ignore. */
    @Column(name = "COLUMN_NAME", nullable = false, length = 40)
    private String column;

    protected ImportColumnEntity() {
    }

    ImportColumnEntity(String header, String column) {
        this.header = header;
        this.column = column;
    }

    String header() {
        return header;
    }

    String column() {
        return column;
    }

    void column(String column) {
        this.column = column;
    }
}
