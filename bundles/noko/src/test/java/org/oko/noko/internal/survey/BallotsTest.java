package org.oko.noko.internal.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A ballot answers its own survey once it is a few seconds old and before it is a day old, and cannot be forged. */
class BallotsTest {

    private final Ballots ballots = new Ballots(new byte[32]);
    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aBallotIsCheckedForItsSurveyAgeAndSignature() {
        String ballot = ballots.issue("token-a", now);
        assertEquals(Duration.ofSeconds(5), ballots.check(ballot, "token-a", now.plusSeconds(5)).orElseThrow().age());
        assertTrue(ballots.check(ballot, "token-b", now.plusSeconds(5)).isEmpty(), "another organisation's survey");
        assertTrue(ballots.check(ballot, "token-a", now.plus(Duration.ofDays(1)).plusSeconds(1)).isEmpty(), "stale");
        assertTrue(ballots.check(ballot, "token-a", now.minusSeconds(1)).isEmpty(), "from the future");
        String forged = ballot.substring(0, ballot.lastIndexOf('.') + 1) + "AAAA";
        assertTrue(ballots.check(forged, "token-a", now.plusSeconds(5)).isEmpty(), "not signed by us");
        assertTrue(new Ballots(new byte[] {1}).check(ballot, "token-a", now.plusSeconds(5)).isEmpty(), "another process's key");
        assertTrue(ballots.check("garbage", "token-a", now).isEmpty());
    }

    @Test
    void twoBallotsHaveDifferentIds() {
        String a = ballots.issue("t", now);
        String b = ballots.issue("t", now);
        assertTrue(!ballots.check(a, "t", now).orElseThrow().id().equals(ballots.check(b, "t", now).orElseThrow().id()));
    }

    @Test
    void aClientIsLimitedPerHour() {
        ClientLimit limit = new ClientLimit();
        assertTrue(limit.allow("x", 2, now));
        assertTrue(limit.allow("x", 2, now.plusSeconds(1)));
        assertTrue(!limit.allow("x", 2, now.plusSeconds(2)));
        assertTrue(limit.allow("y", 2, now.plusSeconds(2)), "another client");
        assertTrue(limit.allow("x", 2, now.plusSeconds(3601)), "an hour later");
    }
}
