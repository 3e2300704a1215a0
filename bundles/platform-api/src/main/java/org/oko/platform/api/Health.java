package org.oko.platform.api;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/health} and {@code oko:status} report.
 *
 * @param status    overall state
 * @param version   OKO platform version
 * @param startedAt when the platform bundle started
 * @param demoData  whether demo data is switched on
 * @param database  the database state
 * @param modules   installed OKO modules, sorted by symbolic name
 * @param storage   the disk of the database; null where not known
 */
public record Health(Status status, String version, Instant startedAt, boolean demoData,
                     DatabaseHealth database, List<ModuleInfo> modules, StorageHealth storage) {

    /** Without the storage state (platform-api 1.2). */
    public Health(Status status, String version, Instant startedAt, boolean demoData,
                  DatabaseHealth database, List<ModuleInfo> modules) {
        this(status, version, startedAt, demoData, database, modules, null);
    }

    public enum Status {
        /** Karaf is still installing its boot features; answers 503. */
        STARTING,
        /** Database reachable, every module active with all components satisfied. */
        UP,
        /** Database reachable, but some module is not active or has unsatisfied components. */
        DEGRADED,
        /**
         * The database answers, but its disk is full (below the reserve) or read-only: viewing
         * works, saving is refused with the reason until the disk is fixed; answers 200.
         */
        READ_ONLY,
        /** The database is not reachable: nothing can be saved; answers 503. */
        DOWN
    }
}
