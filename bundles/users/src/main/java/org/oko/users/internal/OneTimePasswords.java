package org.oko.users.internal;

import java.security.SecureRandom;

/** One-time passwords that school staff type from a printout: no look-alike characters. */
public final class OneTimePasswords {

    private static final String LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String ALPHABET = LETTERS + DIGITS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePasswords() {
    }

    /** Ten characters with at least one letter and one digit. */
    public static String generate() {
        char[] password = new char[10];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        password[RANDOM.nextInt(5)] = LETTERS.charAt(RANDOM.nextInt(LETTERS.length()));
        password[5 + RANDOM.nextInt(5)] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
        return new String(password);
    }
}
