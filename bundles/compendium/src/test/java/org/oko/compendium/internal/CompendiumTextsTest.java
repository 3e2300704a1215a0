package org.oko.compendium.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every text in both languages, the placeholders alike. */
class CompendiumTextsTest {

    @Test
    void bothLanguagesAgree() {
        assertEquals(Set.of(), CompendiumTexts.TEXTS.problems());
    }
}
