package org.oko.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.security.Scope;

class SessionRegistryTest {

    private final TestClock clock = new TestClock();
    private final SessionRegistry sessions = new SessionRegistry(clock, Duration.ofMinutes(30), Duration.ofHours(12));
    private final Caller school = new Caller("school", "S1", Set.of(Role.SCHOOL_COORDINATOR), Scope.of(Set.of("S1")));

    @Test
    void aSessionEndsWhenIdleAndAfterItsLifetimeHoweverBusy() {
        String idle = sessions.open(school, false);
        clock.advance(Duration.ofMinutes(31));
        assertFalse(sessions.find(idle).isPresent(), "30 minutes without a request");

        String busy = sessions.open(school, false);
        for (int step = 1; step <= 28; step++) { // 11 h 40 min, a request every 25 minutes
            clock.advance(Duration.ofMinutes(25));
            assertTrue(sessions.find(busy).isPresent(), "step " + step);
        }
        clock.advance(Duration.ofMinutes(25));
        assertFalse(sessions.find(busy).isPresent(), "12 hours at most");
    }

    @Test
    void sessionsNobodyComesBackToAreForgottenAtTheNextLogin() {
        for (int i = 0; i < 50; i++) {
            sessions.open(school, false);
        }
        assertEquals(50, sessions.size());
        clock.advance(Duration.ofMinutes(31));
        sessions.open(school, false);
        assertEquals(1, sessions.size(), "the 50 idle ones are gone, the new one stays");
    }
}
