package org.oko.users.internal;

import java.sql.Timestamp;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A web session every node sees (on a database server): the SHA-256 of its cookie's token, never the token itself,
 * so that the table read by someone else opens no session.
 */
@Entity
@Table(name = "OKO_WEB_SESSION", indexes = @Index(name = "IX_WEB_SESSION_LOGIN", columnList = "LOGIN"))
public class SessionEntity {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "LOGIN", nullable = false, length = 64)
    private String login;

    @Column(name = "CSRF_TOKEN", nullable = false, length = 64)
    private String csrfToken;

    @Column(name = "PASSWORD_CHANGE_ONLY", nullable = false)
    private boolean passwordChangeOnly;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "LAST_SEEN_AT", nullable = false)
    private Timestamp lastSeenAt;

    protected SessionEntity() {
        // for JPA
    }

    SessionEntity(String tokenHash, String login, String csrfToken, boolean passwordChangeOnly, Timestamp createdAt) {
        this.tokenHash = tokenHash;
        this.login = login;
        this.csrfToken = csrfToken;
        this.passwordChangeOnly = passwordChangeOnly;
        this.createdAt = createdAt;
        this.lastSeenAt = createdAt;
    }

    String tokenHash() {
        return tokenHash;
    }

    String login() {
        return login;
    }

    String csrfToken() {
        return csrfToken;
    }

    boolean passwordChangeOnly() {
        return passwordChangeOnly;
    }

    Timestamp createdAt() {
        return createdAt;
    }

    Timestamp lastSeenAt() {
        return lastSeenAt;
    }
}
