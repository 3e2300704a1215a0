package org.oko.platform.api;

import java.time.Instant;

/**
 * State of the platform database.
 *
 * @param reachable      a connection could be opened and validated
 * @param product        database product and version as the driver reports it, e.g. "Apache Derby 10.14.2.0"
 * @param location       where the data lives (a folder for embedded Derby)
 * @param starts         how many times the platform has started on this database
 * @param firstStartedAt when the platform first started on this database
 * @param error          why the database is not reachable; null when it is
 */
public record DatabaseHealth(boolean reachable, String product, String location, long starts,
                             Instant firstStartedAt, String error) {
}
