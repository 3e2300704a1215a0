package org.oko.users.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts consecutive failed logins per login name — known or not, so that lockout does not reveal
 * which accounts exist — and locks the name for a while after too many.
 */
final class LoginThrottle {

    private record State(int failures, Instant lockedUntil) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int maxFailures;
    private volatile Duration lockout;

    LoginThrottle(Clock clock, int maxFailures, Duration lockout) {
        this.clock = clock;
        configure(maxFailures, lockout);
    }

    void configure(int maxFailures, Duration lockout) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** When the name is locked: until when; otherwise null. */
    Instant lockedUntil(String login) {
        State state = states.get(key(login));
        return state != null && state.lockedUntil() != null && state.lockedUntil().isAfter(clock.instant())
                ? state.lockedUntil() : null;
    }

    /** Records a failure; returns true when this failure locks the name. */
    boolean failed(String login) {
        Instant now = clock.instant();
        State updated = states.compute(key(login), (k, old) -> {
            int failures = (old == null || (old.lockedUntil() != null && !old.lockedUntil().isAfter(now)))
                    ? 1 : old.failures() + 1;
            return new State(failures, failures >= maxFailures ? now.plus(lockout) : null);
        });
        return updated.lockedUntil() != null && updated.failures() == maxFailures;
    }

    void succeeded(String login) {
        states.remove(key(login));
    }

    private static String key(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }
}
