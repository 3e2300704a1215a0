package org.oko.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.module.testing.TextKeys;

class WebTextsTest {

    @Test
    void bothLanguagesHaveEveryText() {
        assertEquals(Set.of(), WebTexts.TEXTS.problems());
    }

    @Test
    void everyKeyTheCodeUsesHasItsText() {
        assertEquals(Set.of(), TextKeys.missing(Path.of("src/main/java"), WebTexts.TEXTS.keys()));
    }
}
