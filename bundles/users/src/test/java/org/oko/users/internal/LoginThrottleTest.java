package org.oko.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-03-01T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void locksAfterTheLimitAndUnlocksAfterTheLockout() {
        LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(15));
        assertFalse(throttle.failed("Ivanov"));
        assertFalse(throttle.failed("ivanov "));
        assertTrue(throttle.failed("IVANOV"), "the third failure locks, whatever the case of the login");
        assertEquals(now.plus(Duration.ofMinutes(15)), throttle.lockedUntil("ivanov"));
        now = now.plus(Duration.ofMinutes(16));
        assertNull(throttle.lockedUntil("ivanov"));
        assertFalse(throttle.failed("ivanov"), "counting starts again after a lockout");
    }

    @Test
    void successResetsTheCount() {
        LoginThrottle throttle = new LoginThrottle(clock, 2, Duration.ofMinutes(15));
        throttle.failed("petrov");
        throttle.succeeded("petrov");
        assertFalse(throttle.failed("petrov"));
        assertTrue(throttle.failed("petrov"));
        assertNotNull(throttle.lockedUntil("petrov"));
    }
}
