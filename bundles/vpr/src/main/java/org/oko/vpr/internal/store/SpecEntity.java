package org.oko.vpr.internal.store;

import java.io.Serializable;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * A spec version as ВПР kept them before the platform's {@code Specs}: read once at start to carry the centre's
 * published versions over; nothing is written here any more.
 */
@Entity
@IdClass(SpecEntity.Key.class)
@Table(name = "VPR_SPEC")
public class SpecEntity {

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String testKey;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.testKey.equals(testKey) && k.version == version;
        }

        @Override
        public int hashCode() {
            return testKey.hashCode() * 31 + version;
        }
    }

    @Id
    @Column(name = "TEST_KEY", length = 40)
    private String testKey;

    @Id
    @Column(name = "VERSION")
    private int version;

    @Lob
    @Column(name = "JSON", nullable = false)
    private String json;

    protected SpecEntity() {
    }

    public SpecEntity(String testKey, int version, String json) {
        this.testKey = testKey;
        this.version = version;
        this.json = json;
    }

    public String json() {
        return json;
    }

    public int version() {
        return version;
    }
}
