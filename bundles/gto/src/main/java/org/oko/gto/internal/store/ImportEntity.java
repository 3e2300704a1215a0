package org.oko.gto.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One results file that went in: who, when, how many tests. */
@Entity
@Table(name = "GTO_IMPORT")
public class ImportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @Column(name = "FILE_NAME", length = 200)
    private String fileName;

    @Column(name = "ACTOR", length = 100)
    private String actor;

    @Column(name = "IMPORTED_AT", nullable = false)
    private java.sql.Timestamp importedAt;

    @Column(name = "TESTS", nullable = false)
    private int tests;
}
