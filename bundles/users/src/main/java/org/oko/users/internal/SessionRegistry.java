package org.oko.users.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.oko.platform.api.security.Authenticator;
import org.oko.platform.api.security.Caller;

/**
 * Web sessions in memory, for one node on embedded Derby: they end after idle time or a maximum lifetime, on logout,
 * and on restart.
 */
final class SessionRegistry implements Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(Caller caller, String csrfToken, boolean passwordChangeOnly, Instant created, Instant lastSeen) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Duration idle;
    private volatile Duration lifetime;

    SessionRegistry(Clock clock, Duration idle, Duration lifetime) {
        this.clock = clock;
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

    int size() {
        return sessions.size();
    }

    @Override
    public String open(Caller caller, boolean passwordChangeOnly) {
        String token = randomToken();
        Instant now = clock.instant();
        // Sessions nobody comes back to would otherwise stay in memory until the next restart.
        sessions.values().removeIf(e -> expired(e, now));
        sessions.put(token, new Entry(caller, randomToken(), passwordChangeOnly, now, now));
        return token;
    }

    @Override
    public Optional<Authenticator.Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = sessions.computeIfPresent(token, (t, e) -> expired(e, now) ? null
                : new Entry(e.caller(), e.csrfToken(), e.passwordChangeOnly(), e.created(), now));
        return entry == null ? Optional.empty() : Optional.of(new Authenticator.Session(entry.caller(), entry.csrfToken()));
    }

    @Override
    public boolean passwordChangeOnly(String token) {
        Entry entry = token == null ? null : sessions.get(token);
        return entry != null && entry.passwordChangeOnly();
    }

    @Override
    public void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    @Override
    public void closeAll(String login) {
        sessions.values().removeIf(e -> login.equals(e.caller().login()));
    }

    private boolean expired(Entry entry, Instant now) {
        return entry.lastSeen().plus(idle).isBefore(now) || entry.created().plus(lifetime).isBefore(now);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
