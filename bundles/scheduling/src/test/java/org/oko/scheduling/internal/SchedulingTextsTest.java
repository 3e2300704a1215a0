package org.oko.scheduling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oko.module.testing.TextKeys;

class SchedulingTextsTest {

    /**
     * A message key in the code: a string literal in one of the bundle's namespaces ("campaign.no-such-step"),
     * except an audit trail's action ("campaign.update"), which is a code.
     */
    private static final Pattern KEY = Pattern.compile("(?<!audit\\.record\\()"
            + "\"((?:campaign|deadline|dashboard|calendar|date|notification|reminder|audit)(?:\\.[a-z0-9-]+)+)\"");

    @Test
    void everyKeyTheCodeNamesHasItsTextInBothLanguages() throws IOException {
        // campaign.request-incomplete is a refusal's code with several texts, each with a key of its own.
        assertEquals(Set.of(), TEXTS.problems());
        assertEquals(Set.of(), TextKeys.missing(java.nio.file.Path.of("src/main/java"), TEXTS.keys(), KEY, "campaign.request-incomplete"));
    }
}
