package org.oko.vpr.internal.store;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One imported file: who, when, which test, how many works, how many replaced. */
@Entity
@Table(name = "VPR_IMPORT")
public class ImportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "TEST_KEY", nullable = false, length = 40)
    private String testKey;

    @Column(name = "FILE_NAME", length = 200)
    private String fileName;

    @Column(name = "ACTOR", length = 64)
    private String actor;

    @Column(name = "IMPORTED_AT", nullable = false)
    private java.sql.Timestamp importedAt;

    @Column(name = "WORKS", nullable = false)
    private int works;

    @Column(name = "REPLACED", nullable = false)
    private int replaced;

    protected ImportEntity() {
    }

    public Long id() {
        return id;
    }

    public String testKey() {
        return testKey;
    }

    public String fileName() {
        return fileName;
    }

    public String actor() {
        return actor;
    }

    public Instant importedAt() {
        return importedAt.toInstant();
    }

    public int works() {
        return works;
    }

    public int replaced() {
        return replaced;
    }
}
