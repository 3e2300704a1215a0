package org.oko.forms.internal.submission;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time a write stamps, in the precision both databases keep: PostgreSQL rounds a timestamp to microseconds, so a
 * nanosecond stamp held in memory (a snapshot, a page's "opened at") would compare later than itself read back.
 */
final class Now {

    private Now() {
    }

    static Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
