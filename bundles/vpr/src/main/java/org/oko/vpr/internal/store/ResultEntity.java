package org.oko.vpr.internal.store;

import java.io.Serializable;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * One participant's work, keyed by test, school and participant code: schools number their
 * participants themselves, so a code is unique within its school only. The table is mapped here and made by the bundle's change log (OKO-INF/db); the importer writes
 * it with JDBC batches in one transaction, the statistics read it with plain queries.
 */
@Entity
@IdClass(ResultEntity.Key.class)
// No index besides the key's: the key (TEST_KEY, SCHOOL, PARTICIPANT) serves a school's works (replace, re-marking).
@Table(name = "VPR_RESULT")
public class ResultEntity {

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String testKey;
        public String school;
        public String participant;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.testKey.equals(testKey) && k.school.equals(school) && k.participant.equals(participant);
        }

        @Override
        public int hashCode() {
            return (testKey.hashCode() * 31 + school.hashCode()) * 31 + participant.hashCode();
        }
    }

    @Id
    @Column(name = "TEST_KEY", length = 40)
    private String testKey;

    @Id
    @Column(name = "PARTICIPANT", length = 40)
    private String participant;

    @Column(name = "SPEC_VERSION", nullable = false)
    private int specVersion;

    @Id
    @Column(name = "SCHOOL", nullable = false, length = 40)
    private String school;

    @Column(name = "CLASS_NAME", length = 10)
    private String className;

    @Column(name = "VARIANT", nullable = false)
    private int variant;

    /** Scores per task in the spec's order, comma-separated. */
    @Column(name = "SCORES", nullable = false, length = 400)
    private String scores;

    @Column(name = "TOTAL", nullable = false)
    private int total;

    @Column(name = "MARK", nullable = false)
    private int mark;

    /** 0 when the file gave no journal mark. */
    @Column(name = "JOURNAL_MARK", nullable = false)
    private int journalMark;

    @Column(name = "IMPORT_ID", nullable = false)
    private long importId;

    protected ResultEntity() {
    }
}
