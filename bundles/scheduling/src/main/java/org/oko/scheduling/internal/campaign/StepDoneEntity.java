package org.oko.scheduling.internal.campaign;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** A roadmap step without a form marked done by a coordinator (form steps are done by their submissions). */
@Entity
@Table(name = "OKO_CAMPAIGN_STEP_DONE", uniqueConstraints = @UniqueConstraint(name = "OKO_CAMPAIGN_STEP_DONE_ONE", columnNames = {"CAMPAIGN_CODE", "STEP_ID"}))
public class StepDoneEntity {

    @Id
    @TableGenerator(name = "OKO_STEP_DONE_IDS", table = "OKO_SEQUENCE", pkColumnValue = "CAMPAIGN_STEP_DONE", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OKO_STEP_DONE_IDS")
    @Column(name = "ID")
    private long id;

    @Column(name = "CAMPAIGN_CODE", length = 40, nullable = false)
    private String campaignCode;

    @Column(name = "STEP_ID", length = 60, nullable = false)
    private String stepId;

    @Column(name = "DONE_AT", nullable = false)
    private Timestamp doneAt;

    @Column(name = "DONE_BY", length = 100)
    private String doneBy;

    protected StepDoneEntity() {
    }

    StepDoneEntity(String campaignCode, String stepId, Instant doneAt, String doneBy) {
        this.campaignCode = campaignCode;
        this.stepId = stepId;
        this.doneAt = Timestamp.from(doneAt);
        this.doneBy = doneBy;
    }

    String stepId() {
        return stepId;
    }

    Instant doneAt() {
        return doneAt.toInstant();
    }

    String doneBy() {
        return doneBy;
    }
}
