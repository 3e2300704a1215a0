package org.oko.vpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oko.module.testing.TextKeys;

class VprTextsTest {

    /** Where the code names a text: the first string literal of a TEXTS call, or a key among others in a list. */
    private static final Pattern KEY = Pattern.compile("(?:TEXTS\\.\\w+\\((?:[\\w.]+, )?|texts\\(|,\\s+)\"(vpr\\.[a-z0-9.-]+|audit\\.[a-z-]+)\"");

    @Test
    void everyKeyTheCodeNamesHasItsTextInBothLanguages() throws IOException {
        assertEquals(Set.of(), TEXTS.problems());
        assertEquals(Set.of(), TextKeys.missing(java.nio.file.Path.of("src/main/java"), TEXTS.keys(), KEY));
    }
}
