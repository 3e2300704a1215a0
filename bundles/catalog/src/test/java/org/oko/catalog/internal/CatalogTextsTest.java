package org.oko.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.module.testing.TextKeys;

class CatalogTextsTest {

    @Test
    void bothLanguagesHaveEveryText() {
        assertEquals(Set.of(), CatalogTexts.TEXTS.problems());
    }

    @Test
    void everyKeyTheCodeUsesHasItsText() {
        assertEquals(Set.of(), TextKeys.missing(Path.of("src/main/java"), CatalogTexts.TEXTS.keys()));
        // keys passed on by a variable
        Set<String> passed = Set.of("catalog.changed-by-another.territory", "catalog.changed-by-another.organisation",
                "catalog.problem.founder-unknown", "catalog.problem.parent-unknown", "catalog.problem.successor-unknown",
                "catalog.console.applied", "catalog.console.dry-run", "catalog.console.with-errors");
        assertEquals(true, CatalogTexts.TEXTS.keys().containsAll(passed), passed.toString());
    }
}
