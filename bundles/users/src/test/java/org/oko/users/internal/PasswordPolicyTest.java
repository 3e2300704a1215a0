package org.oko.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    private List<String> problems(String login, String password) {
        return policy.problems(login, password.toCharArray());
    }

    @Test
    void acceptsAGoodPassword() {
        assertEquals(List.of(), problems("sch640123", "Липа7-зимой-у-реки"));
    }

    @Test
    void tooShort() {
        assertEquals(List.of("Пароль должен содержать не менее 10 символов."), problems("user", "Abc12345x"));
        assertEquals(List.of(), problems("user", "Abc12345xy"));
    }

    @Test
    void tooLong() {
        String longest = "a1".repeat(64);
        assertEquals(List.of(), problems("user", longest));
        assertEquals(List.of("Пароль должен содержать не более 128 символов."), problems("user", longest + "b"));
    }

    @Test
    void needsLetterAndDigit() {
        String message = "Пароль должен содержать хотя бы одну букву и хотя бы одну цифру.";
        assertEquals(List.of(message), problems("user", "ТолькоБуквыЗдесь"));
        assertEquals(List.of(message), problems("user", "9876543210"));
        assertEquals(List.of(message), problems("user", "-=-=-=-=-=-="));
    }

    @Test
    void mustNotContainLoginIgnoringCase() {
        assertEquals(List.of("Пароль не должен содержать логин."), problems("Sch640123", "xSCH640123y"));
        assertEquals(List.of(), problems("sch640123", "Ромашка2024поле"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1", "Qwerty1234", "1234567890a", "йцукен12345", "ЙЦУКЕН12345"})
    void rejectsCommonPasswords(String common) {
        List<String> problems = problems("user", common);
        assertTrue(problems.contains("Этот пароль слишком распространён, выберите другой."), problems::toString);
    }

    @Test
    void reportsEveryBrokenRule() {
        assertEquals(3, problems("abc", "abc").size());
    }
}
