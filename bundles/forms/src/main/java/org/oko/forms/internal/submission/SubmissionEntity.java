package org.oko.forms.internal.submission;

import org.oko.forms.api.SubmissionState;
import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** One organisation's data for one form version in one period. Writes lock its row (see SubmissionService). */
@Entity
@Table(name = "OKO_SUBMISSION",
        uniqueConstraints = @UniqueConstraint(name = "OKO_SUBMISSION_ONE", columnNames = {"PERIOD_CODE", "FORM_ID", "ORGANISATION_CODE"}),
        indexes = @Index(name = "OKO_SUBMISSION_ORG", columnList = "ORGANISATION_CODE"))
public class SubmissionEntity {

    @Id
    @TableGenerator(name = "OKO_SUBMISSION_IDS", table = "OKO_SEQUENCE", pkColumnValue = "SUBMISSION", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OKO_SUBMISSION_IDS")
    @Column(name = "ID")
    private long id;

    @Column(name = "PERIOD_CODE", length = 40, nullable = false)
    private String period;

    @Column(name = "FORM_ID", length = 100, nullable = false)
    private String formId;

    @Column(name = "FORM_VERSION", nullable = false)
    private int formVersion;

    @Column(name = "ORGANISATION_CODE", length = 64, nullable = false)
    private String organisationCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 20, nullable = false)
    private SubmissionState state;

    @Column(name = "COMPLETION", nullable = false)
    private int completion;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "CHANGED_AT", nullable = false)
    private Timestamp changedAt;

    @Column(name = "CHANGED_BY", length = 100)
    private String changedBy;

    /** When the school last sent it: the founder's letter is due some working days later. */
    @Column(name = "SUBMITTED_AT")
    private Timestamp submittedAt;

    /**
     * How many writes the submission has had: every write transaction adds one under the row's lock, so
     * that a {@link Snapshot} taken at the same count is the submission as stored (the default makes
     * EclipseLink's extension of an earlier table valid).
     */
    @Column(name = "WRITES", nullable = false, columnDefinition = "BIGINT DEFAULT 0 NOT NULL")
    private long writes;

    protected SubmissionEntity() {
    }

    SubmissionEntity(String period, String formId, int formVersion, String organisationCode, String by) {
        this.period = period;
        this.formId = formId;
        this.formVersion = formVersion;
        this.organisationCode = organisationCode;
        this.state = SubmissionState.ASSIGNED;
        this.createdAt = Timestamp.from(Now.instant());
        touch(by);
    }

    /** Counts a write transaction; called where the row is locked for it (SubmissionAccess). */
    void written() {
        writes++;
    }

    public long writes() {
        return writes;
    }

    void touch(String by) {
        changedAt = Timestamp.from(Now.instant());
        changedBy = by;
    }

    public long id() {
        return id;
    }

    public String period() {
        return period;
    }

    public String formId() {
        return formId;
    }

    public int formVersion() {
        return formVersion;
    }

    void formVersion(int formVersion) {
        this.formVersion = formVersion;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public SubmissionState state() {
        return state;
    }

    void state(SubmissionState state) {
        this.state = state;
        if (state == SubmissionState.SUBMITTED) {
            submittedAt = Timestamp.from(Now.instant());
        }
    }

    public Instant submittedAt() {
        return submittedAt == null ? null : submittedAt.toInstant();
    }

    public int completion() {
        return completion;
    }

    void completion(int completion) {
        this.completion = completion;
    }

    public Instant changedAt() {
        return changedAt.toInstant();
    }

    public String changedBy() {
        return changedBy;
    }
}
