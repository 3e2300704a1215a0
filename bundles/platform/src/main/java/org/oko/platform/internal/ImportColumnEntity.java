package org.oko.platform.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A column of a region's own files that a person mapped at an import of one kind ({@link ColumnMemoryImpl}). */
@Entity
@Table(name = "PLATFORM_IMPORT_COLUMN", indexes = @Index(name = "PLATFORM_IMPORT_COLUMN_KIND", columnList = "KIND"))
public class ImportColumnEntity {

    /** Kind and header, one row per header of a kind of import. */
    @Id
    @Column(name = "ID", length = 300)
    private String id;

    @Column(name = "KIND", nullable = false, length = 60)
    private String kind;

    /** Normalised as imports compare headers. */
    @Column(name = "HEADER", nullable = false, length = 200)
    private String header;

    /** The column id; empty for a column the person chose to leave out. */
    @Column(name = "COLUMN_NAME", nullable = false, length = 80)
    private String column;

    protected ImportColumnEntity() {
    }

    ImportColumnEntity(String kind, String header, String column) {
        this.id = id(kind, header);
        this.kind = kind;
        this.header = header;
        this.column = column;
    }

    static String id(String kind, String header) {
        return kind + '\n' + header;
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
