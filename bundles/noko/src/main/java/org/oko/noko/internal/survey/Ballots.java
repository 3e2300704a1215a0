package org.oko.noko.internal.survey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ballots: handed out with a questionnaire, each answers once. A ballot carries the survey it was issued for, when
 * it was issued and a random id, signed with a key of this process, so the server keeps no state until it is
 * used; the used ids are stored apart from the answers. Not a secret of the respondent: an anonymous answer is
 * never linked to its ballot. Pure apart from the clock and the key.
 */
public final class Ballots {

    /** A ballot older than this is stale: the page is reloaded for a new one. */
    static final Duration LIFETIME = Duration.ofDays(1);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    public Ballots() {
        this(newKey());
    }

    Ballots(byte[] key) {
        this.key = key.clone();
    }

    private static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A new ballot for the survey of {@code token}, issued {@code now}. */
    public String issue(String token, Instant now) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String body = survey(token) + "." + now.getEpochSecond() + "." + B64.encodeToString(id);
        return body + "." + sign(body);
    }

    /** A ballot checked: its id (to be used once) and its age. */
    public record Checked(String id, Duration age) {
    }

    /** The ballot's id and age when it is ours, for this survey and not stale; empty otherwise. */
    public Optional<Checked> check(String ballot, String token, Instant now) {
        if (ballot == null) {
            return Optional.empty();
        }
        String[] parts = ballot.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))
                || !parts[0].equals(survey(token))) {
            return Optional.empty();
        }
        try {
            Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(parts[1])), now);
            return age.isNegative() || age.compareTo(LIFETIME) > 0 ? Optional.empty() : Optional.of(new Checked(parts[2], age));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The survey a ballot is for, as a short digest of its token (the token itself stays out of the ballot). */
    private String survey(String token) {
        return sign("survey:" + token).substring(0, 12);
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
