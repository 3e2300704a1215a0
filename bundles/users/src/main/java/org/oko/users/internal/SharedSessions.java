package org.oko.users.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.oko.platform.api.security.Authenticator;
import org.oko.platform.api.security.Caller;

/**
 * Web sessions in the database, for several nodes on one database server: a node that never saw a session serves it
 * (the balancer sent the user elsewhere, or the node that opened it was killed). Each node keeps what it read for
 * {@link #RECHECK}, so that a request costs no query; a session closed on another node is refused here at most that
 * long after. The last use is written when it moved by more than {@link #TOUCH}, far finer than the idle time.
 * The caller is read afresh from the account when the session is read from the database. Expired sessions are swept
 * away when one opens, at most every {@link #SWEEP}: the sweep reads the whole table, and a region's schools log in
 * by the thousand at nine in the morning (an expired session is refused when used anyway).
 */
final class SharedSessions implements Sessions {

    static final Duration RECHECK = Duration.ofSeconds(2);
    static final Duration TOUCH = Duration.ofSeconds(30);
    static final Duration SWEEP = Duration.ofMinutes(1);

    private record Held(Caller caller, String csrfToken, boolean passwordChangeOnly, Instant created, Instant lastSeen,
                        Instant stored, Instant checked) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SessionTable table;
    private final Function<String, Optional<Caller>> callers;
    /** When expired sessions were last swept away on this node. */
    private final AtomicReference<Instant> swept = new AtomicReference<>(Instant.MIN);
    private volatile Duration idle;
    private volatile Duration lifetime;

    /** @param callers the caller an account's session stands for, empty for an account that may no longer log in */
    SharedSessions(Clock clock, Duration idle, Duration lifetime, SessionTable table, Function<String, Optional<Caller>> callers) {
        this.clock = clock;
        this.table = table;
        this.callers = callers;
        configure(idle, lifetime);
    }

    @Override
    public void configure(Duration idle, Duration lifetime) {
        this.idle = idle;
        this.lifetime = lifetime;
    }

    @Override
    public Duration lifetime() {
        return lifetime;
    }

    @Override
    public String open(Caller caller, boolean passwordChangeOnly) {
        String token = SessionRegistry.randomToken();
        String csrf = SessionRegistry.randomToken();
        Instant now = clock.instant();
        Instant last = swept.get();
        if (!last.plus(SWEEP).isAfter(now) && swept.compareAndSet(last, now)) {
            held.values().removeIf(h -> expired(h.created(), h.lastSeen(), now));
            table.deleteExpired(Timestamp.from(now.minus(idle)), Timestamp.from(now.minus(lifetime)));
        }
        table.insert(new SessionEntity(hash(token), caller.login(), csrf, passwordChangeOnly, Timestamp.from(now)));
        held.put(token, new Held(caller, csrf, passwordChangeOnly, now, now, now, now));
        return token;
    }

    @Override
    public Optional<Authenticator.Session> find(String token) {
        Optional<Held> current = current(token);
        return current.map(h -> new Authenticator.Session(h.caller(), h.csrfToken()));
    }

    @Override
    public boolean passwordChangeOnly(String token) {
        return current(token).map(Held::passwordChangeOnly).orElse(false);
    }

    private Optional<Held> current(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Held known = held.get(token);
        if (known != null && known.checked().plus(RECHECK).isAfter(now) && !expired(known.created(), known.lastSeen(), now)) {
            Held used = new Held(known.caller(), known.csrfToken(), known.passwordChangeOnly(), known.created(), now,
                    known.stored(), known.checked());
            if (known.stored().plus(TOUCH).isBefore(now)) {
                table.touch(hash(token), Timestamp.from(now));
                used = new Held(used.caller(), used.csrfToken(), used.passwordChangeOnly(), used.created(), now, now, used.checked());
            }
            held.put(token, used);
            return Optional.of(used);
        }
        Optional<Held> read = read(token, now);
        if (read.isEmpty()) {
            held.remove(token);
        } else {
            held.put(token, read.get());
        }
        return read;
    }

    /** The session as the database holds it, used now; empty when closed, expired or its account may not log in. */
    private Optional<Held> read(String token, Instant now) {
        String hash = hash(token);
        Optional<SessionEntity> row = table.find(hash);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        SessionEntity s = row.get();
        Instant created = s.createdAt().toInstant();
        Instant lastSeen = s.lastSeenAt().toInstant();
        if (expired(created, lastSeen, now)) {
            table.delete(hash);
            return Optional.empty();
        }
        Optional<Caller> caller = callers.apply(s.login());
        if (caller.isEmpty()) {
            table.delete(hash);
            return Optional.empty();
        }
        boolean touch = lastSeen.plus(TOUCH).isBefore(now);
        if (touch) {
            table.touch(hash, Timestamp.from(now));
        }
        return Optional.of(new Held(caller.get(), s.csrfToken(), s.passwordChangeOnly(), created, now, touch ? now : lastSeen, now));
    }

    @Override
    public void close(String token) {
        if (token != null) {
            held.remove(token);
            table.delete(hash(token));
        }
    }

    @Override
    public void closeAll(String login) {
        held.values().removeIf(h -> login.equals(h.caller().login()));
        table.deleteLogin(login);
    }

    private boolean expired(Instant created, Instant lastSeen, Instant now) {
        return lastSeen.plus(idle).isBefore(now) || created.plus(lifetime).isBefore(now);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
