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
 */
public record Health(Status status, String version, Instant startedAt, boolean demoData,
                     DatabaseHealth database, List<ModuleInfo> modules) {

    public enum Status {
        /** Karaf is still installing its boot features; answers 503. */
        STARTING,
        /** Database reachable, every module active with all components satisfied. */
        UP,
        /** Database reachable, but some module is not active or has unsatisfied components. */
        DEGRADED,
        /** The database is not reachable: nothing can be saved; answers 503. */
        DOWN
    }
}
