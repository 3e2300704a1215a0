package org.oko.users.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules a new password must meet; each broken rule yields one message for the user. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** Passwords that pass the length and character rules yet top every leaked-password list. */
    private static final Set<String> COMMON = Set.of(
            "password1", "password12", "password123", "qwerty1234", "qwerty12345",
            "1234567890a", "a1234567890", "1q2w3e4r5t", "1qaz2wsx3edc", "zaq12wsxcde3",
            "qwertyuiop1", "asdfghjkl1", "iloveyou123", "admin12345", "administrator1",
            "parol12345", "йцукен12345", "пароль12345", "qwerty123456", "abc1234567");

    public List<String> problems(String login, char[] password) {
        List<String> problems = new ArrayList<>();
        String text = password == null ? "" : new String(password);
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) {
            problems.add("Пароль должен содержать не менее " + MIN_LENGTH + " символов.");
        }
        if (length > MAX_LENGTH) {
            problems.add("Пароль должен содержать не более " + MAX_LENGTH + " символов.");
        }
        if (text.codePoints().noneMatch(Character::isLetter) || text.codePoints().noneMatch(Character::isDigit)) {
            problems.add("Пароль должен содержать хотя бы одну букву и хотя бы одну цифру.");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (login != null && !login.isBlank() && lower.contains(login.strip().toLowerCase(Locale.ROOT))) {
            problems.add("Пароль не должен содержать логин.");
        }
        if (COMMON.contains(lower)) {
            problems.add("Этот пароль слишком распространён, выберите другой.");
        }
        return problems;
    }
}
