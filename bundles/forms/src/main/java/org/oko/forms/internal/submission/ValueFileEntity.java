package org.oko.forms.internal.submission;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The file behind a file indicator's value. Keyed by the value's id, so that a version upgrade
 * renaming the indicator keeps the file; the value itself holds the file's name and checksum, so
 * that replacing the file is a value change with its revision and history.
 */
@Entity
@Table(name = "OKO_SUBMISSION_VALUE_FILE")
public class ValueFileEntity {

    @Id
    @Column(name = "VALUE_ID")
    private long valueId;

    @Column(name = "SUBMISSION_ID", nullable = false)
    private long submissionId;

    @Embedded
    private StoredFile file;

    protected ValueFileEntity() {
    }

    ValueFileEntity(long valueId, long submissionId) {
        this.valueId = valueId;
        this.submissionId = submissionId;
    }

    void set(StoredFile file) {
        this.file = file;
    }

    public StoredFile file() {
        return file;
    }
}
