package org.oko.platform.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.rest.ApiException;

class TextsTest {

    private final Texts texts = Texts.of(TextsTest.class);

    @Test
    void fillsBothLanguagesWithoutFormattingNumbers() {
        assertEquals("Нет формы с номером 12345", texts.ru("form.missing", 12345));
        assertEquals("no form numbered 12345", texts.in("en", "form.missing", 12345));
        assertEquals("3 из 10", texts.ru("both.args", 10, 3));
        assertEquals("3 of 10", texts.in("en-GB", "both.args", 10, 3));
    }

    @Test
    void missingTextsShowRatherThanThrow() {
        assertEquals("Только по-русски", texts.in("en", "only.ru"));
        assertEquals("English only", texts.ru("only.en"));
        assertEquals("no.such.key", texts.ru("no.such.key"));
        assertEquals("Нет формы с номером {0}", texts.ru("form.missing"));
    }

    @Test
    void refusalCarriesKeyAsCode() {
        ApiException refusal = texts.refusal(ApiException.Kind.NOT_FOUND, "form.missing", 7);
        assertEquals(404, refusal.status());
        assertEquals("form.missing", refusal.code());
        assertEquals("no form numbered 7", refusal.text().en());
    }

    @Test
    void problemsNameMissingLanguagesAndPlaceholders() {
        assertEquals(Set.of("odd.placeholders: the two languages have different placeholders",
                "only.en: no Russian text in org/oko/platform/api/text/messages.properties",
                "only.ru: no English text in org/oko/platform/api/text/messages_en.properties"), texts.problems());
    }

    @Test
    void fillLeavesOtherBracesAlone() {
        assertEquals("{x} {} 5 {9}", Texts.fill("{x} {} {0} {9}", 5));
    }
}
