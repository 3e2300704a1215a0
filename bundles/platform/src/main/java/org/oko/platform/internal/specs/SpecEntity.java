package org.oko.platform.internal.specs;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.oko.platform.api.specs.Spec;

/** A published spec version: never changed once stored. */
@Entity
@Table(name = "PLATFORM_SPEC", indexes = @Index(name = "PLATFORM_SPEC_KIND", columnList = "KIND,SPEC_KEY"))
public class SpecEntity {

    /** Kind, key and version. */
    @Id
    @Column(name = "ID", length = 200)
    private String id;

    @Column(name = "KIND", nullable = false, length = 60)
    private String kind;

    @Column(name = "SPEC_KEY", nullable = false, length = 120)
    private String key;

    @Column(name = "VERSION", nullable = false)
    private int version;

    @Lob
    @Column(name = "JSON", nullable = false)
    private String json;

    @Column(name = "SOURCE", nullable = false, length = 120)
    private String source;

    @Column(name = "PUBLISHED", nullable = false)
    private Instant published;

    protected SpecEntity() {
    }

    SpecEntity(String kind, String key, int version, String json, String source, Instant published) {
        this.id = id(kind, key, version);
        this.kind = kind;
        this.key = key;
        this.version = version;
        this.json = json;
        this.source = source.length() > 120 ? source.substring(0, 120) : source;
        this.published = published;
    }

    static String id(String kind, String key, int version) {
        return kind + '\n' + key + '\n' + version;
    }

    Spec toSpec() {
        return new Spec(kind, key, version, json, source, published);
    }
}
