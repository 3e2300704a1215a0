package org.oko.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreSaltedAndVerify() {
        String first = hasher.hash("Секрет-12345".toCharArray());
        String second = hasher.hash("Секрет-12345".toCharArray());
        assertTrue(first.startsWith("pbkdf2-sha256$210000$"), first);
        assertNotEquals(first, second);
        assertTrue(hasher.matches("Секрет-12345".toCharArray(), first));
        assertFalse(hasher.matches("Секрет-12346".toCharArray(), first));
        assertFalse(hasher.matches("x".toCharArray(), "garbage"));
        assertFalse(hasher.matches("x".toCharArray(), "pbkdf2-sha256$1$%%%$%%%"));
    }

    @Test
    void policyExplainsEveryProblem() {
        assertEquals(3, PasswordPolicy.problems("ivanov", "ivanov".toCharArray()).size(), "short, no digit, contains login");
        assertTrue(PasswordPolicy.problems("ivanov", "qwerty1234".toCharArray()).contains("Этот пароль слишком распространён"));
        assertTrue(PasswordPolicy.problems("ivanov", "Береза-2026-школа".toCharArray()).isEmpty());
    }

    @Test
    void oneTimePasswordsAreReadableDistinctAndAcceptable() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = OneTimePasswords.generate();
            assertEquals(10, password.length());
            assertTrue(password.chars().noneMatch(c -> "0O1lIi".indexOf(c) >= 0), password);
            assertTrue(PasswordPolicy.problems("school", password.toCharArray()).isEmpty(), password);
            assertTrue(seen.add(password));
        }
    }
}
