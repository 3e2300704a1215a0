package org.oko.scheduling.internal.campaign;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** An event of a campaign recorded on a date ("the ВПР results arrived"): deadlines relative to it start then. */
@Entity
@Table(name = "OKO_CAMPAIGN_EVENT", uniqueConstraints = @UniqueConstraint(name = "OKO_CAMPAIGN_EVENT_ONE", columnNames = {"CAMPAIGN_CODE", "NAME"}))
public class CampaignEventEntity {

    @Id
    @TableGenerator(name = "OKO_CAMPAIGN_EVENT_IDS", table = "OKO_SEQUENCE", pkColumnValue = "CAMPAIGN_EVENT", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OKO_CAMPAIGN_EVENT_IDS")
    @Column(name = "ID")
    private long id;

    @Column(name = "CAMPAIGN_CODE", length = 40, nullable = false)
    private String campaignCode;

    /** Without the "event:" prefix. */
    @Column(name = "NAME", length = 100, nullable = false)
    private String name;

    @Column(name = "OCCURRED_ON", nullable = false)
    private Date occurredOn;

    @Column(name = "RECORDED_BY", length = 100)
    private String recordedBy;

    @Column(name = "RECORDED_AT", nullable = false)
    private Timestamp recordedAt;

    protected CampaignEventEntity() {
    }

    CampaignEventEntity(String campaignCode, String name) {
        this.campaignCode = campaignCode;
        this.name = name;
    }

    void set(LocalDate occurredOn, String by) {
        this.occurredOn = Date.valueOf(occurredOn);
        this.recordedBy = by;
        this.recordedAt = Timestamp.from(Instant.now());
    }

    String name() {
        return name;
    }

    LocalDate occurredOn() {
        return occurredOn.toLocalDate();
    }

    String recordedBy() {
        return recordedBy;
    }
}
