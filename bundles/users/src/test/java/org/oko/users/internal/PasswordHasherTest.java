package org.oko.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void roundTrip() {
        String stored = hasher.hash("Школа2024-пароль".toCharArray());

        assertTrue(hasher.matches("Школа2024-пароль".toCharArray(), stored));
        assertFalse(hasher.needsRehash(stored));
    }

    @Test
    void wrongPasswordDoesNotMatch() {
        String stored = hasher.hash("correct horse 1".toCharArray());

        assertFalse(hasher.matches("correct horse 2".toCharArray(), stored));
        assertFalse(hasher.matches(new char[0], stored));
    }

    @Test
    void saltMakesEveryHashDifferent() {
        String first = hasher.hash("одинаковый1".toCharArray());
        String second = hasher.hash("одинаковый1".toCharArray());

        assertNotEquals(first, second);
        assertTrue(hasher.matches("одинаковый1".toCharArray(), first));
        assertTrue(hasher.matches("одинаковый1".toCharArray(), second));
    }

    @Test
    void storedStringHasTheDocumentedFormat() {
        String stored = hasher.hash("format1234".toCharArray());

        String[] parts = stored.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("210000", parts[1]);
        assertEquals(210_000, PasswordHasher.ITERATIONS);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "plain", "pbkdf2-sha256$210000$c2FsdA", "bcrypt$210000$c2FsdA$aGFzaA",
            "pbkdf2-sha256$many$c2FsdA$aGFzaA", "pbkdf2-sha256$0$c2FsdA$aGFzaA", "pbkdf2-sha256$-5$c2FsdA$aGFzaA",
            "pbkdf2-sha256$210000$не base64$aGFzaA", "pbkdf2-sha256$210000$$aGFzaA",
            "pbkdf2-sha256$210000$c2FsdA$aGFzaA$extra", "pbkdf2-sha256$99999999999$c2FsdA$aGFzaA"})
    void malformedStoredStringNeverMatchesAndNeedsRehash(String stored) {
        assertFalse(hasher.matches("anything12".toCharArray(), stored));
        assertTrue(hasher.needsRehash(stored));
    }

    @Test
    void olderLowerCountStillVerifiesButNeedsRehash() {
        byte[] salt = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        byte[] key = PasswordHasher.derive("старый пароль 7".toCharArray(), salt, 1_000, 256);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        String stored = "pbkdf2-sha256$1000$" + base64.encodeToString(salt) + "$" + base64.encodeToString(key);

        assertTrue(hasher.matches("старый пароль 7".toCharArray(), stored));
        assertFalse(hasher.matches("старый пароль 8".toCharArray(), stored));
        assertTrue(hasher.needsRehash(stored));
    }
}
