package org.oko.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class OneTimePasswordsTest {

    @RepeatedTest(50)
    void lengthAlphabetAndCharacterClasses() {
        String password = OneTimePasswords.generate();

        assertEquals(10, password.length());
        for (char c : password.toCharArray()) {
            assertTrue(OneTimePasswords.ALPHABET.indexOf(c) >= 0, password);
            assertTrue("0Oo1lIi".indexOf(c) < 0, password);
        }
        assertTrue(password.chars().anyMatch(Character::isLetter), password);
        assertTrue(password.chars().anyMatch(Character::isDigit), password);
        assertTrue(password.chars().anyMatch(Character::isUpperCase), password);
        assertTrue(password.chars().anyMatch(Character::isLowerCase), password);
    }

    @Test
    void alphabetHasNoLookAlikes() {
        for (char c : "0Oo1lIi".toCharArray()) {
            assertEquals(-1, OneTimePasswords.ALPHABET.indexOf(c), String.valueOf(c));
        }
    }

    @Test
    void thousandAreDistinctAndAcceptedByThePolicy() {
        PasswordPolicy policy = new PasswordPolicy();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = OneTimePasswords.generate();
            assertTrue(seen.add(password), password);
            assertEquals(java.util.List.of(), policy.problems("sch640123", password.toCharArray()), password);
        }
        assertEquals(1000, seen.size());
    }
}
