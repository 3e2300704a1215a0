package org.oko.tables.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.module.testing.TextKeys;

class TablesApiTextsTest {

    @Test
    void bothLanguagesHaveEveryText() {
        assertEquals(Set.of(), TablesApiTexts.TEXTS.problems());
    }

    @Test
    void everyKeyTheCodeUsesHasItsText() {
        assertEquals(Set.of(), TextKeys.missing(Path.of("src/main/java"), TablesApiTexts.TEXTS.keys()));
        assertEquals(true, TablesApiTexts.TEXTS.keys().containsAll(Set.of("table.row-short.more", "xlsx.no")));
    }
}
