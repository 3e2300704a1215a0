package org.oko.gto.internal.store;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * One participant's test of a day, keyed by school, participant code and test date (a school numbers
 * its participants itself). The table is mapped here and made by the bundle's change log (OKO-INF/db); {@link GtoStore} writes
 * it with JDBC batches in one transaction and reads it with plain queries.
 */
@Entity
@IdClass(TestEntity.Key.class)
@Table(name = "GTO_TEST")
public class TestEntity {

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String school;
        public String participant;
        public LocalDate testDate;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.school.equals(school) && k.participant.equals(participant) && k.testDate.equals(testDate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(school, participant, testDate);
        }
    }

    @Id
    @Column(name = "SCHOOL", length = 40)
    private String school;

    @Id
    @Column(name = "PARTICIPANT", length = 40)
    private String participant;

    @Id
    @Column(name = "TEST_DATE")
    private LocalDate testDate;

    @Column(name = "GTO_ID", length = 40)
    private String gtoId;

    /** BOYS or GIRLS. */
    @Column(name = "SEX", nullable = false, length = 8)
    private String sex;

    @Column(name = "BIRTH_DATE", nullable = false)
    private LocalDate birthDate;

    @Column(name = "STAGE", nullable = false)
    private int stage;

    /** BRONZE, SILVER, GOLD or null. */
    @Column(name = "BADGE", length = 8)
    private String badge;

    /** The edition of the norms that judged it, "federal-2023 v1". */
    @Column(name = "EDITION", nullable = false, length = 80)
    private String edition;

    /** Event code = result as written, separated by ";" ("run-30=5,4;run-1000=4:50"). */
    @Column(name = "RESULTS", length = 2000)
    private String results;

    @Column(name = "IMPORT_ID")
    private Long importId;
}
