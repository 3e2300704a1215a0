package org.oko.vpr.internal.remarking;

import java.sql.Timestamp;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One work sent to an expert for re-marking, with the scores as first marked and as re-marked. */
@Entity
@Table(name = "VPR_REMARK", uniqueConstraints = @UniqueConstraint(name = "UQ_VPR_REMARK", columnNames = {"TEST_KEY", "SCHOOL", "PARTICIPANT"}),
        indexes = @Index(name = "IX_VPR_REMARK_EXPERT", columnList = "EXPERT"))
public class RemarkEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "TEST_KEY", nullable = false, length = 40)
    private String testKey;

    @Column(name = "PARTICIPANT", nullable = false, length = 40)
    private String participant;

    @Column(name = "SCHOOL", nullable = false, length = 40)
    private String school;

    @Column(name = "EXPERT", nullable = false, length = 64)
    private String expert;

    @Column(name = "ORIGINAL_SCORES", nullable = false, length = 400)
    private String originalScores;

    @Column(name = "NEW_SCORES", length = 400)
    private String newScores;

    @Column(name = "ASSIGNED_BY", length = 64)
    private String assignedBy;

    @Column(name = "ASSIGNED_AT", nullable = false)
    private Timestamp assignedAt;

    @Column(name = "DONE_AT")
    private Timestamp doneAt;

    protected RemarkEntity() {
    }

    RemarkEntity(String testKey, String participant, String school, String expert, String originalScores, String assignedBy) {
        this.testKey = testKey;
        this.participant = participant;
        this.school = school;
        this.expert = expert;
        this.originalScores = originalScores;
        this.assignedBy = assignedBy;
        this.assignedAt = new Timestamp(System.currentTimeMillis());
    }

    void remark(String scores) {
        this.newScores = scores;
        this.doneAt = new Timestamp(System.currentTimeMillis());
    }

    public Long id() {
        return id;
    }

    public String testKey() {
        return testKey;
    }

    public String participant() {
        return participant;
    }

    public String school() {
        return school;
    }

    public String expert() {
        return expert;
    }

    public String originalScores() {
        return originalScores;
    }

    public String newScores() {
        return newScores;
    }

    public Timestamp doneAt() {
        return doneAt;
    }
}
