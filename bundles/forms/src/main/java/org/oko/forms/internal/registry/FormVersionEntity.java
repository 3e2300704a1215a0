package org.oko.forms.internal.registry;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * A published form version, kept for good: its definition JSON exactly as first published, so
 * that submissions and exports of a removed module still have their form, and so that a module
 * that brings the same version with other content is caught (a published version is immutable).
 */
@Entity
@Table(name = "OKO_FORM_VERSION")
public class FormVersionEntity {

    /** "miac-1@2". */
    @Id
    @Column(name = "FORM_KEY", length = 120)
    private String key;

    @Column(name = "FORM_ID", length = 100, nullable = false)
    private String formId;

    @Column(name = "FORM_VERSION", nullable = false)
    private int version;

    @Lob
    @Column(name = "DEFINITION_JSON", nullable = false)
    private String json;

    @Column(name = "CONTENT_SHA256", length = 64, nullable = false)
    private String sha256;

    /** Who brought it first: a bundle's symbolic name or "deploy:file.json". */
    @Column(name = "FIRST_SOURCE", length = 300)
    private String firstSource;

    @Column(name = "PUBLISHED_AT", nullable = false)
    private Timestamp publishedAt; // JPA 2.2 maps no Instant

    protected FormVersionEntity() {
    }

    public FormVersionEntity(String formId, int version, String json, String sha256, String firstSource, Instant publishedAt) {
        this.key = formId + "@" + version;
        this.formId = formId;
        this.version = version;
        this.json = json;
        this.sha256 = sha256;
        this.firstSource = firstSource;
        this.publishedAt = Timestamp.from(publishedAt);
    }

    public String key() {
        return key;
    }

    public String formId() {
        return formId;
    }

    public int version() {
        return version;
    }

    public String json() {
        return json;
    }

    public String sha256() {
        return sha256;
    }

    public String firstSource() {
        return firstSource;
    }

    public Instant publishedAt() {
        return publishedAt.toInstant();
    }
}
