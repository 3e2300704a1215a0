package org.oko.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.module.testing.TextKeys;

class PlatformTextsTest {

    @Test
    void bothLanguagesHaveEveryText() {
        assertEquals(Set.of(), PlatformTexts.TEXTS.problems());
    }

    @Test
    void everyKeyTheCodeUsesHasItsText() {
        assertEquals(Set.of(), TextKeys.missing(Path.of("src/main/java"), PlatformTexts.TEXTS.keys()));
        // keys built at run time
        for (String key : Set.of("body.not-json.at", "body.wrong-value.at", "body.wrong-field-value.at", "module.installed-problem.roll-back")) {
            assertEquals(true, PlatformTexts.TEXTS.keys().contains(key), key);
        }
    }
}
