package org.oko.users.internal;

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

/** One security event: who, what, when, from which address. Never a password. */
@Entity
@Table(name = "OKO_SECURITY_EVENT", indexes = @Index(name = "IX_SECURITY_EVENT_TIME", columnList = "OCCURRED_AT"))
public class SecurityEventEntity {

    public enum Type { LOGIN_SUCCESS, LOGIN_FAILURE, LOCKOUT, LOGOUT, PASSWORD_CHANGE, ROLE_CHANGE, ACTIVATION, DEACTIVATION, ACCOUNT_CREATED }

    @Id
    @TableGenerator(name = "EVENT_ID", table = "OKO_USERS_ID", pkColumnValue = "EVENT", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "EVENT_ID")
    private Long id;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Timestamp at;

    @Enumerated(EnumType.STRING)
    @Column(name = "TYPE", nullable = false, length = 32)
    private Type type;

    /** The account concerned (as typed, for failures). */
    @Column(name = "LOGIN", length = 64)
    private String login;

    /** Who did it, when not the account itself (an administrator activating a school). */
    @Column(name = "ACTOR", length = 64)
    private String actor;

    @Column(name = "ADDRESS", length = 64)
    private String address;

    @Column(name = "DETAILS", length = 500)
    private String details;

    protected SecurityEventEntity() {
        // for JPA
    }

    SecurityEventEntity(Type type, String login, String actor, String address, String details) {
        this.at = Timestamp.from(Instant.now());
        this.type = type;
        this.login = login == null || login.length() <= 64 ? login : login.substring(0, 64);
        this.actor = actor;
        this.address = address;
        this.details = details;
    }

    public Instant getAt() {
        return at.toInstant();
    }

    public Type getType() {
        return type;
    }

    public String getLogin() {
        return login;
    }

    public String getActor() {
        return actor;
    }

    public String getAddress() {
        return address;
    }

    public String getDetails() {
        return details;
    }
}
