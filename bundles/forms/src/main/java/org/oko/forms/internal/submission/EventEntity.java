package org.oko.forms.internal.submission;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** The history of a submission: every value change (old → new), transition, comment and explanation; never changed. */
@Entity
// The table's primary key is (SUBMISSION_ID, KIND, ID), not the id alone (the change log): one B-tree per saved row
// serves a submission's whole history and its few comments and transitions without walking every value change.
@Table(name = "OKO_SUBMISSION_EVENT")
public class EventEntity {

    public enum Kind {
        /** A value saved: key, old → new. */
        VALUE,
        /** A state change: from → to, with the comment or reason. */
        TRANSITION,
        /** The verifier's comment on one indicator when returning. */
        COMMENT,
        /** The school's explanation of a warning (key = the rule id). */
        EXPLANATION,
        /** Moved to a newer form version: old → new version; or a value dropped by it (key, old value). */
        UPGRADE
    }

    @Id
    @TableGenerator(name = "OKO_EVENT_IDS", table = "OKO_SEQUENCE", pkColumnValue = "SUBMISSION_EVENT", allocationSize = 1000)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OKO_EVENT_IDS")
    @Column(name = "ID")
    private long id;

    @Column(name = "SUBMISSION_ID", nullable = false)
    private long submissionId;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Timestamp occurredAt;

    @Column(name = "ACTOR", length = 100)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 20, nullable = false)
    private Kind kind;

    @Column(name = "VALUE_KEY", length = 200)
    private String key;

    @Column(name = "OLD_TEXT", length = 12000)
    private String oldText;

    @Column(name = "NEW_TEXT", length = 12000)
    private String newText;

    protected EventEntity() {
    }

    EventEntity(long submissionId, String actor, Kind kind, String key, String oldText, String newText) {
        this.submissionId = submissionId;
        this.occurredAt = Timestamp.from(Now.instant());
        this.actor = actor;
        this.kind = kind;
        this.key = key;
        this.oldText = oldText;
        this.newText = newText;
    }

    public long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt.toInstant();
    }

    public String actor() {
        return actor;
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public String oldText() {
        return oldText;
    }

    public String newText() {
        return newText;
    }
}
