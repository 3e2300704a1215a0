package org.oko.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final TestClock clock = new TestClock();

    private void wait(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void locksAfterTheLimitAndUnlocksAfterTheLockout() {
        LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(15));
        assertFalse(throttle.failed("Ivanov"));
        assertFalse(throttle.failed("ivanov "));
        wait(Duration.ofSeconds(1));
        assertTrue(throttle.failed("IVANOV"), "the third failure locks, whatever the case of the login");
        assertEquals(clock.now().plus(Duration.ofMinutes(15)), throttle.lockedUntil("ivanov"));
        assertEquals(LoginThrottle.Reason.LOCKED, throttle.refusal("ivanov", null).reason());
        wait(Duration.ofMinutes(16));
        assertNull(throttle.lockedUntil("ivanov"));
        assertNull(throttle.refusal("ivanov", null), "no backoff left over from before the lockout");
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

    @Test
    void backoffDoublesAfterTheSecondFailureUpToTheCap() {
        LoginThrottle throttle = new LoginThrottle(clock, 10, Duration.ofMinutes(15));
        throttle.configureBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        throttle.failed("sidorov", "10.0.0.1");
        assertNull(throttle.refusal("sidorov", "10.0.0.1"), "one failure: no wait");
        throttle.failed("sidorov", "10.0.0.1");
        LoginThrottle.Refusal refusal = throttle.refusal("Sidorov", "10.0.0.2");
        assertEquals(LoginThrottle.Reason.BACKOFF, refusal.reason(), "per name, from any address");
        assertEquals(clock.now().plusSeconds(1), refusal.until());
        wait(Duration.ofMillis(999));
        assertNotNull(throttle.refusal("sidorov", null));
        wait(Duration.ofMillis(1));
        assertNull(throttle.refusal("sidorov", null));
        throttle.failed("sidorov", null);
        assertEquals(clock.now().plusSeconds(2), throttle.refusal("sidorov", null).until());
        wait(Duration.ofSeconds(2));
        throttle.failed("sidorov", null);
        assertEquals(clock.now().plusSeconds(4), throttle.refusal("sidorov", null).until());
        wait(Duration.ofSeconds(4));
        throttle.failed("sidorov", null);
        assertEquals(clock.now().plusSeconds(5), throttle.refusal("sidorov", null).until(), "capped");
        assertEquals(Duration.ofSeconds(5), throttle.delay(9));
        assertNull(throttle.refusal("kuznetsov", null), "other names are not slowed down");
        throttle.succeeded("sidorov");
        assertNull(throttle.refusal("sidorov", null));
    }

    @Test
    void anAddressWithTooManyFailuresIsRefusedForTheWindow() {
        LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));
        throttle.configureAddresses(4, Duration.ofMinutes(15));
        // Spraying: one guess for each of many names.
        for (int i = 1; i <= 3; i++) {
            assertFalse(throttle.failed("user" + i, "10.0.0.9").addressLocked());
            wait(Duration.ofMinutes(1));
        }
        assertNull(throttle.refusal("user9", "10.0.0.9"));
        assertTrue(throttle.failed("user4", "10.0.0.9").addressLocked());
        LoginThrottle.Refusal refusal = throttle.refusal("someone-else", "10.0.0.9");
        assertEquals(LoginThrottle.Reason.ADDRESS, refusal.reason());
        assertEquals(clock.now().plus(Duration.ofMinutes(15)), refusal.until());
        assertNull(throttle.refusal("someone-else", "10.0.0.10"), "other addresses go ahead");
        throttle.succeeded("user1");
        assertNotNull(throttle.refusal("user1", "10.0.0.9"), "a success does not clear the address");
        wait(Duration.ofMinutes(15));
        assertNull(throttle.refusal("someone-else", "10.0.0.9"));
    }

    @Test
    void oldAddressFailuresLeaveTheWindow() {
        LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));
        throttle.configureAddresses(3, Duration.ofMinutes(15));
        throttle.failed("a", "10.0.0.7");
        throttle.failed("b", "10.0.0.7");
        wait(Duration.ofMinutes(16));
        assertFalse(throttle.failed("c", "10.0.0.7").addressLocked(), "the first two are out of the window");
        assertNull(throttle.refusal("d", "10.0.0.7"));
    }

    @Test
    void oneGuessPerNameAtATimeSoParallelRequestsCannotSkipTheBackoff() {
        LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));
        assertNull(throttle.begin("Parallel", "10.0.0.8"));
        LoginThrottle.Refusal second = throttle.begin("parallel", "10.0.0.9");
        assertNotNull(second, "a second attempt while the first is being checked, whatever the case of the name");
        assertEquals(LoginThrottle.Reason.BACKOFF, second.reason());
        assertNull(throttle.begin("other", "10.0.0.8"), "other names are not held up");
        throttle.done("parallel");
        assertNull(throttle.begin("parallel", "10.0.0.9"), "free again once the first is over");
    }
}
