package org.oko.platform.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One start of the platform on its database: proves persistence and shows its history. */
@Entity
@Table(name = "OKO_PLATFORM_START")
public class PlatformStart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "STARTED_AT", nullable = false)
    private Instant startedAt;

    @Column(name = "VERSION", nullable = false, length = 64)
    private String version;

    protected PlatformStart() {
        // for JPA
    }

    PlatformStart(Instant startedAt, String version) {
        this.startedAt = startedAt;
        this.version = version;
    }

    public Long getId() {
        return id;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getVersion() {
        return version;
    }
}
