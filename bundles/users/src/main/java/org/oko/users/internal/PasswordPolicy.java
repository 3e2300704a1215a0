package org.oko.users.internal;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.oko.platform.api.rest.ApiMessage;

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

    /** The reasons, in Russian, why the password is refused; empty when it is fine. */
    public List<String> problems(String login, char[] password) {
        return messages(login, password).stream().map(ApiMessage::ru).toList();
    }

    /** The reasons, in both languages, why the password is refused; empty when it is fine. */
    public List<ApiMessage> messages(String login, char[] password) {
        List<ApiMessage> problems = new ArrayList<>();
        String text = password == null ? "" : new String(password);
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) {
            problems.add(TEXTS.text("password.too-short", MIN_LENGTH));
        }
        if (length > MAX_LENGTH) {
            problems.add(TEXTS.text("password.too-long", MAX_LENGTH));
        }
        if (text.codePoints().noneMatch(Character::isLetter) || text.codePoints().noneMatch(Character::isDigit)) {
            problems.add(TEXTS.text("password.letter-and-digit"));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (login != null && !login.isBlank() && lower.contains(login.strip().toLowerCase(Locale.ROOT))) {
            problems.add(TEXTS.text("password.has-login"));
        }
        if (COMMON.contains(lower)) {
            problems.add(TEXTS.text("password.common"));
        }
        return problems;
    }
}
