package org.oko.platform.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.module.testing.TextKeys;
import org.oko.platform.api.security.Role;

class PlatformApiTextsTest {

    @Test
    void bothLanguagesHaveEveryText() {
        assertEquals(Set.of(), PlatformApiTexts.TEXTS.problems());
    }

    @Test
    void everyKeyTheCodeUsesHasItsText() {
        assertEquals(Set.of(), TextKeys.missing(Path.of("src/main/java"), PlatformApiTexts.TEXTS.keys()));
        for (Role role : Role.values()) {
            assertEquals(true, PlatformApiTexts.TEXTS.keys().contains("role." + role.name()), role.name());
        }
        assertEquals("Администратор", Role.ADMINISTRATOR.label());
        assertEquals("Administrator", Role.ADMINISTRATOR.label("en"));
    }
}
