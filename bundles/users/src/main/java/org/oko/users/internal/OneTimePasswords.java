package org.oko.users.internal;

import java.security.SecureRandom;

/** One-time passwords that school staff read off paper and type by hand, so no look-alike characters. */
public final class OneTimePasswords {

    public static final int LENGTH = 10;

    /** Without 0/O/o and 1/l/I/i. */
    static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String LOWER = "abcdefghjkmnpqrstuvwxyz";
    static final String DIGITS = "23456789";
    static final String ALPHABET = UPPER + LOWER + DIGITS;

    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePasswords() {
    }

    public static String generate() {
        char[] chars = new char[LENGTH];
        // One of each class first, then shuffle, so the guarantee does not fix their positions.
        chars[0] = pick(UPPER);
        chars[1] = pick(LOWER);
        chars[2] = pick(DIGITS);
        for (int i = 3; i < LENGTH; i++) {
            chars[i] = pick(ALPHABET);
        }
        for (int i = LENGTH - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char swap = chars[i];
            chars[i] = chars[j];
            chars[j] = swap;
        }
        return new String(chars);
    }

    private static char pick(String from) {
        return from.charAt(RANDOM.nextInt(from.length()));
    }
}
