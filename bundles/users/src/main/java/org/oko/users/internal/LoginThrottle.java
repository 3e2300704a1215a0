package org.oko.users.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down and stops password guessing, without ever holding a server thread: a refused attempt
 * is answered at once and the caller is told when to come back.
 * <ul>
 * <li>Per login name (known or not, so that nothing reveals which accounts exist): after the
 *     second consecutive failure, each further attempt must wait a delay that doubles (1 s, 2 s,
 *     4 s, … up to a cap) after the latest failure; attempts that come earlier are refused without
 *     checking the password and do not count. After {@code maxFailures} failures the name is
 *     locked for {@code lockout}.</li>
 * <li>Per client address, against password spraying (one guess for many names): after
 *     {@code addressFailures} failures within {@code addressWindow} the address is refused for
 *     {@code addressWindow}.</li>
 * </ul>
 */
final class LoginThrottle {

    /** Why an attempt is refused before its password is checked. */
    enum Reason { LOCKED, BACKOFF, ADDRESS }

    /** A refused attempt: the reason and when to try again. */
    record Refusal(Reason reason, Instant until) {
    }

    /** What a failure led to. */
    record Failure(boolean nameLocked, boolean addressLocked) {
    }

    private record State(int failures, Instant lastFailure, Instant lockedUntil) {
    }

    private static final class AddressState {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;
    }

    /** Beyond this many tracked names or addresses, stale entries are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, State> states = new ConcurrentHashMap<>();
    /** Names whose password is being checked right now. */
    private final java.util.Set<String> checking = ConcurrentHashMap.newKeySet();
    private final Map<String, AddressState> addresses = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int maxFailures;
    private volatile Duration lockout;
    private volatile Duration backoff = Duration.ofSeconds(1);
    private volatile Duration backoffMax = Duration.ofSeconds(60);
    private volatile int addressFailures = 20;
    private volatile Duration addressWindow = Duration.ofMinutes(15);

    LoginThrottle(Clock clock, int maxFailures, Duration lockout) {
        this.clock = clock;
        configure(maxFailures, lockout);
    }

    void configure(int maxFailures, Duration lockout) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** The first delay (doubling from the third attempt on) and its cap. */
    void configureBackoff(Duration first, Duration max) {
        this.backoff = first;
        this.backoffMax = max;
    }

    void configureAddresses(int failures, Duration window) {
        this.addressFailures = failures;
        this.addressWindow = window;
    }

    /** Whether an attempt for the name from the address is refused before its password is checked; null when it may go ahead. */
    Refusal refusal(String login, String address) {
        Instant now = clock.instant();
        State state = states.get(key(login));
        if (state != null && state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
            return new Refusal(Reason.LOCKED, state.lockedUntil());
        }
        Instant addressLock = addressLockedUntil(address, now);
        if (addressLock != null) {
            return new Refusal(Reason.ADDRESS, addressLock);
        }
        if (state != null && state.lockedUntil() == null && state.failures() >= 2) {
            Instant next = state.lastFailure().plus(delay(state.failures()));
            if (next.isAfter(now)) {
                return new Refusal(Reason.BACKOFF, next);
            }
        }
        return null;
    }

    /**
     * Like {@link #refusal}, and when the attempt may go ahead its name is marked as being checked
     * until {@link #done}: one guess per name at a time, or parallel requests would all pass before
     * the first failure counts, and skip the backoff and the lockout.
     */
    Refusal begin(String login, String address) {
        Refusal refusal = refusal(login, address);
        if (refusal == null && !checking.add(key(login))) {
            return new Refusal(Reason.BACKOFF, clock.instant().plus(backoff));
        }
        return refusal;
    }

    /** The attempt begun for the name is over (whatever its outcome). */
    void done(String login) {
        checking.remove(key(login));
    }

    /** When the name is locked: until when; otherwise null. */
    Instant lockedUntil(String login) {
        State state = states.get(key(login));
        return state != null && state.lockedUntil() != null && state.lockedUntil().isAfter(clock.instant())
                ? state.lockedUntil() : null;
    }

    /** The wait after the given number of consecutive failures (2 → the first delay, then doubling, capped). */
    Duration delay(int failures) {
        Duration delay = backoff;
        for (int i = 2; i < failures && delay.compareTo(backoffMax) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
    }

    /** Records a failure of the name (and of the address, when known). */
    Failure failed(String login, String address) {
        Instant now = clock.instant();
        prune(now);
        State updated = states.compute(key(login), (k, old) -> {
            int failures = (old == null || (old.lockedUntil() != null && !old.lockedUntil().isAfter(now)))
                    ? 1 : old.failures() + 1;
            return new State(failures, now, failures >= maxFailures ? now.plus(lockout) : null);
        });
        boolean addressLocked = false;
        if (address != null) {
            AddressState state = addresses.computeIfAbsent(address, a -> new AddressState());
            synchronized (state) {
                state.failures.addLast(now);
                dropOld(state, now);
                if (state.failures.size() >= addressFailures && (state.lockedUntil == null || !state.lockedUntil.isAfter(now))) {
                    state.lockedUntil = now.plus(addressWindow);
                    state.failures.clear();
                    addressLocked = true;
                }
            }
        }
        return new Failure(updated.lockedUntil() != null && updated.failures() == maxFailures, addressLocked);
    }

    /** Records a failure of the name only: returns true when this failure locks it. */
    boolean failed(String login) {
        return failed(login, null).nameLocked();
    }

    /** A correct password ends the name's count; the address keeps its count, or a sprayer could reset it with one own account. */
    void succeeded(String login) {
        states.remove(key(login));
    }

    private Instant addressLockedUntil(String address, Instant now) {
        AddressState state = address == null ? null : addresses.get(address);
        if (state == null) {
            return null;
        }
        synchronized (state) {
            return state.lockedUntil != null && state.lockedUntil.isAfter(now) ? state.lockedUntil : null;
        }
    }

    private void dropOld(AddressState state, Instant now) {
        Instant from = now.minus(addressWindow);
        while (!state.failures.isEmpty() && state.failures.peekFirst().isBefore(from)) {
            state.failures.removeFirst();
        }
    }

    /** Forgets names and addresses whose failures and locks are long over, so that guessing many names cannot fill the memory. */
    private void prune(Instant now) {
        if (states.size() > PRUNE_ABOVE) {
            Instant stale = now.minus(lockout.plus(backoffMax));
            states.values().removeIf(s -> s.lastFailure().isBefore(stale) && (s.lockedUntil() == null || s.lockedUntil().isBefore(now)));
        }
        if (addresses.size() > PRUNE_ABOVE) {
            addresses.values().removeIf(a -> {
                synchronized (a) {
                    dropOld(a, now);
                    return a.failures.isEmpty() && (a.lockedUntil == null || a.lockedUntil.isBefore(now));
                }
            });
        }
    }

    private static String key(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }
}
