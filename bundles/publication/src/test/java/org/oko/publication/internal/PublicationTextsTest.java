package org.oko.publication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.publication.internal.PublicationTexts.TEXTS;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oko.module.testing.TextKeys;

class PublicationTextsTest {

    private static final Pattern KEY = Pattern.compile("TEXTS\\.\\w+\\([^\"]*\"(publication\\.[a-z0-9.-]+)\"");

    @Test
    void everyKeyTheCodeNamesHasItsTextInBothLanguages() throws IOException {
        assertEquals(Set.of(), TEXTS.problems());
        assertEquals(Set.of(), TextKeys.missing(java.nio.file.Path.of("src/main/java"), TEXTS.keys(), KEY));
    }
}
