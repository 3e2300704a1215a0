package org.oko.forms.internal.submission;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The founder's official letter that confirms a submission: the latest upload per submission. */
@Entity
@Table(name = "OKO_SUBMISSION_LETTER")
public class LetterEntity {

    @Id
    @Column(name = "SUBMISSION_ID")
    private long submissionId;

    @Embedded
    private StoredFile file;

    protected LetterEntity() {
    }

    LetterEntity(long submissionId) {
        this.submissionId = submissionId;
    }

    void set(StoredFile file) {
        this.file = file;
    }

    public StoredFile file() {
        return file;
    }
}
