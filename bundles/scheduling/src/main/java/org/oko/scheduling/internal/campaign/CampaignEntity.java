package org.oko.scheduling.internal.campaign;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

/** A campaign: its roadmap is kept as the JSON document the coordinator edits (see {@link CampaignDefinition}). */
@Entity
@Table(name = "OKO_CAMPAIGN")
public class CampaignEntity {

    @Id
    @Column(name = "CODE", length = 40)
    private String code;

    @Column(name = "TITLE", length = 300, nullable = false)
    private String title;

    @Column(name = "CAMPAIGN_YEAR", nullable = false)
    private int year;

    @Lob
    @Column(name = "DEFINITION", nullable = false)
    private String definition;

    @Version
    @Column(name = "VERSION")
    private long version;

    @Column(name = "CHANGED_AT", nullable = false)
    private Timestamp changedAt;

    @Column(name = "CHANGED_BY", length = 100)
    private String changedBy;

    protected CampaignEntity() {
    }

    CampaignEntity(String code) {
        this.code = code;
    }

    void set(String title, int year, String definition, String by) {
        this.title = title;
        this.year = year;
        this.definition = definition;
        this.changedAt = Timestamp.from(Instant.now());
        this.changedBy = by;
    }

    String code() {
        return code;
    }

    String definition() {
        return definition;
    }

    long version() {
        return version;
    }

    Instant changedAt() {
        return changedAt.toInstant();
    }

    String changedBy() {
        return changedBy;
    }
}
