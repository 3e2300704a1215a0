package org.oko.scheduling.internal.notify;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** An in-app notification; its reason key makes each reminder go to a person once. */
@Entity
@Table(name = "OKO_NOTIFICATION",
        uniqueConstraints = @UniqueConstraint(name = "OKO_NOTIFICATION_ONCE", columnNames = {"RECIPIENT", "REASON_KEY"}),
        indexes = @Index(name = "OKO_NOTIFICATION_RECIPIENT", columnList = "RECIPIENT"))
public class NotificationEntity {

    public enum Mail { NONE, SENT, FAILED }

    @Id
    @TableGenerator(name = "OKO_NOTIFICATION_IDS", table = "OKO_SEQUENCE", pkColumnValue = "NOTIFICATION", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OKO_NOTIFICATION_IDS")
    @Column(name = "ID")
    private long id;

    @Column(name = "RECIPIENT", length = 64, nullable = false)
    private String recipient;

    @Column(name = "REASON_KEY", length = 300, nullable = false)
    private String reasonKey;

    @Column(name = "KIND", length = 40, nullable = false)
    private String kind;

    @Column(name = "TITLE", length = 300, nullable = false)
    private String title;

    @Column(name = "BODY", length = 2000)
    private String body;

    @Column(name = "LINK", length = 300)
    private String link;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "READ_AT")
    private Timestamp readAt;

    @Column(name = "MAIL", length = 10, nullable = false)
    private String mail = Mail.NONE.name();

    protected NotificationEntity() {
    }

    NotificationEntity(String recipient, String reasonKey, String kind, String title, String body, String link) {
        this.recipient = recipient;
        this.reasonKey = reasonKey;
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.link = link;
        this.createdAt = Timestamp.from(Instant.now());
    }

    long id() {
        return id;
    }

    String recipient() {
        return recipient;
    }

    String reasonKey() {
        return reasonKey;
    }

    String kind() {
        return kind;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    String link() {
        return link;
    }

    Instant createdAt() {
        return createdAt.toInstant();
    }

    Instant readAt() {
        return readAt == null ? null : readAt.toInstant();
    }

    void markRead() {
        if (readAt == null) {
            readAt = Timestamp.from(Instant.now());
        }
    }

    void mail(Mail state) {
        this.mail = state.name();
    }

    String mail() {
        return mail;
    }
}
