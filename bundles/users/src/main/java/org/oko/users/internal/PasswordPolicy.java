package org.oko.users.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a new password must be; the reasons are shown to the user as they are. */
public final class PasswordPolicy {

    private static final Set<String> COMMON = Set.of("password1", "password123", "qwerty1234", "qwerty123456",
            "1234567890a", "a1234567890", "1q2w3e4r5t", "1qaz2wsx3edc", "йцукен12345", "пароль12345", "admin12345",
            "administrator1", "welcome12345", "zaq12wsxcde3", "q1w2e3r4t5y6");

    private PasswordPolicy() {
    }

    public static List<String> problems(String login, char[] password) {
        String text = new String(password);
        List<String> problems = new ArrayList<>();
        if (text.length() < 10) {
            problems.add("Пароль должен быть не короче 10 знаков");
        }
        if (text.length() > 128) {
            problems.add("Пароль должен быть не длиннее 128 знаков");
        }
        if (text.chars().noneMatch(Character::isLetter) || text.chars().noneMatch(Character::isDigit)) {
            problems.add("Пароль должен содержать буквы и цифры");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (login != null && !login.isBlank() && lower.contains(login.toLowerCase(Locale.ROOT))) {
            problems.add("Пароль не должен содержать логин");
        }
        if (COMMON.contains(lower)) {
            problems.add("Этот пароль слишком распространён");
        }
        return problems;
    }
}
