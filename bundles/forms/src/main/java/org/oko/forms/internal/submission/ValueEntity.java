package org.oko.forms.internal.submission;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/**
 * One saved value (an indicator or a table cell) as JSON, with its own revision: a save names
 * the revision it started from, so that two people never overwrite each other silently.
 */
@Entity
@Table(name = "OKO_SUBMISSION_VALUE",
        uniqueConstraints = @UniqueConstraint(name = "OKO_SUBMISSION_VALUE_ONE", columnNames = {"SUBMISSION_ID", "VALUE_KEY"}))
public class ValueEntity {

    @Id
    @TableGenerator(name = "OKO_VALUE_IDS", table = "OKO_SEQUENCE", pkColumnValue = "SUBMISSION_VALUE", allocationSize = 1000)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OKO_VALUE_IDS")
    @Column(name = "ID")
    private long id;

    @Column(name = "SUBMISSION_ID", nullable = false)
    private long submissionId;

    @Column(name = "VALUE_KEY", length = 200, nullable = false)
    private String key;

    @Column(name = "VALUE_JSON", length = 12000)
    private String json;

    /** 1 for the first save; a save must name the revision it replaces (0 when there is none). */
    @Column(name = "REVISION", nullable = false)
    private int revision;

    @Column(name = "CHANGED_AT", nullable = false)
    private Timestamp changedAt;

    @Column(name = "CHANGED_BY", length = 100)
    private String changedBy;

    protected ValueEntity() {
    }

    ValueEntity(long submissionId, String key) {
        this.submissionId = submissionId;
        this.key = key;
    }

    void set(String json, String by) {
        this.json = json;
        this.revision++;
        this.changedAt = Timestamp.from(Now.instant());
        this.changedBy = by;
    }

    void rename(String key) {
        this.key = key;
    }

    public long id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String json() {
        return json;
    }

    public int revision() {
        return revision;
    }

    public Instant changedAt() {
        return changedAt.toInstant();
    }

    public String changedBy() {
        return changedBy;
    }
}
