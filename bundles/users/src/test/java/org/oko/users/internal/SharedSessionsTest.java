package org.oko.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.security.Scope;

/** The shared sessions' sweep of expired rows, on a table that records what it was asked. */
class SharedSessionsTest {

    private final TestClock clock = new TestClock();
    private final Caller school = new Caller("school", "S1", Set.of(Role.SCHOOL_COORDINATOR), Scope.of(Set.of("S1")));
    private final List<Timestamp[]> sweeps = new ArrayList<>();
    private final Map<String, SessionEntity> rows = new HashMap<>();
    private final List<String> deleted = new ArrayList<>();
    private final SessionTable table = new SessionTable() {
        @Override
        void insert(SessionEntity session) {
            rows.put(session.tokenHash(), session);
        }

        @Override
        Optional<SessionEntity> find(String tokenHash) {
            return Optional.ofNullable(rows.get(tokenHash));
        }

        @Override
        void touch(String tokenHash, Timestamp lastSeen) {
            // the row keeps its first use: idle since it was opened, as far as the table knows
        }

        @Override
        void delete(String tokenHash) {
            deleted.add(tokenHash);
            rows.remove(tokenHash);
        }

        @Override
        void deleteExpired(Timestamp seenBefore, Timestamp openedBefore) {
            sweeps.add(new Timestamp[] {seenBefore, openedBefore});
        }
    };
    private final SharedSessions sessions = new SharedSessions(clock, Duration.ofMinutes(30), Duration.ofHours(12), table,
            login -> Optional.of(school));

    @Test
    void expiredSessionsAreSweptAtMostOnceAMinuteWhileSchoolsLogIn() {
        sessions.open(school, false);
        assertEquals(1, sweeps.size(), "the first login sweeps");
        assertEquals(Timestamp.from(clock.now().minus(Duration.ofMinutes(30))), sweeps.get(0)[0], "idle for the idle time");
        assertEquals(Timestamp.from(clock.now().minus(Duration.ofHours(12))), sweeps.get(0)[1], "opened before the lifetime");
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(500));
            sessions.open(school, false);
        }
        assertEquals(1, sweeps.size(), "a hundred logins within the minute sweep no more");
        clock.advance(Duration.ofSeconds(10));
        sessions.open(school, false);
        assertEquals(2, sweeps.size(), "a minute after the last sweep the next login sweeps again");
    }

    @Test
    void aSessionPastItsIdleTimeIsRefusedBetweenSweeps() {
        String token = sessions.open(school, false);
        assertTrue(sessions.find(token).isPresent());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(token).isPresent(), "read again from its row, still within the idle time");
        clock.advance(Duration.ofMinutes(31));
        assertTrue(sessions.find(token).isEmpty(), "refused when used, whether swept or not");
        assertEquals(1, deleted.size(), "and its row deleted then");
        assertEquals(1, sweeps.size(), "no sweep but the first login's");
    }
}
