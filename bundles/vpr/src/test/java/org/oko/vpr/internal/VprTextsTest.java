package org.oko.vpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class VprTextsTest {

    /** Where the code names a text: the key is the first string literal of a TEXTS call, or one listed in texts(...). */
    private static final Pattern CALL = Pattern.compile("(?:TEXTS\\.\\w+\\((?:[\\w.]+, )?|texts\\(|,\\s+)\"(vpr\\.[a-z0-9.-]+|audit\\.[a-z-]+)\"");

    @Test
    void everyTextIsInBothLanguages() {
        assertEquals(Set.of(), TEXTS.problems());
    }

    @Test
    void everyKeyTheCodeUsesHasItsText() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                CALL.matcher(Files.readString(file)).results().forEach(m -> used.add(m.group(1)));
            }
        }
        used.removeAll(TEXTS.keys());
        assertEquals(Set.of(), used, "keys without a text");
    }
}
