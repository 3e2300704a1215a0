package org.oko.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.module.testing.TextKeys;

class UsersTextsTest {

    @Test
    void bothLanguagesHaveEveryText() {
        assertEquals(Set.of(), UsersTexts.TEXTS.problems());
    }

    @Test
    void everyKeyTheCodeUsesHasItsText() {
        assertEquals(Set.of(), TextKeys.missing(Path.of("src/main/java"), UsersTexts.TEXTS.keys()));
        // keys the code builds or passes through a helper
        Set<String> built = Set.of("auth.backoff.text", "auth.address-locked.text", "auth.login-locked.text",
                "roles.region-wide-with-bound", "roles.observer-with-bound", "roles.school-only", "roles.school-only.given",
                "roles.founder-only", "roles.founder-only.given", "roles.region-level-only",
                "registry.columns", "events.columns", "folder.columns");
        assertEquals(true, UsersTexts.TEXTS.keys().containsAll(built), built.toString());
    }
}
