package org.oko.platform.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One line of the audit trail. */
@Entity
@Table(name = "OKO_AUDIT", indexes = @Index(name = "IX_AUDIT_AT", columnList = "OCCURRED_AT"))
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Column(name = "ACTOR", nullable = false, length = 64)
    private String actor;

    @Column(name = "ACTION", nullable = false, length = 64)
    private String action;

    @Column(name = "TARGET", length = 200)
    private String target;

    @Column(name = "DETAILS", length = 1000)
    private String details;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(Instant occurredAt, String actor, String action, String target, String details) {
        this.occurredAt = occurredAt;
        this.actor = cut(actor, 64);
        this.action = cut(action, 64);
        this.target = cut(target, 200);
        this.details = cut(details, 1000);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetails() {
        return details;
    }
}
