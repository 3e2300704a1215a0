package org.oko.scheduling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SchedulingTextsTest {

    /** A message key in the code: a string literal in one of the bundle's namespaces ("campaign.no-such-step"). */
    private static final Pattern KEY = Pattern.compile(
            "\"((?:campaign|deadline|dashboard|calendar|date|notification|reminder|audit)(?:\\.[a-z0-9-]+)+)\"");

    /** The first argument of audit.record(...), an action such as "campaign.update", is a code, not a key. */
    private static final Pattern AUDIT_ACTION = Pattern.compile("audit\\.record\\(\"[^\"]*\"");

    /** A refusal code with several texts, each with a key of its own. */
    private static final Set<String> CODES = Set.of("campaign.request-incomplete");

    @Test
    void everyTextIsInBothLanguages() {
        assertEquals(Set.of(), TEXTS.problems());
    }

    @Test
    void everyKeyTheCodeUsesHasItsText() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                KEY.matcher(AUDIT_ACTION.matcher(Files.readString(file)).replaceAll("")).results().forEach(m -> used.add(m.group(1)));
            }
        }
        used.removeAll(TEXTS.keys());
        used.removeAll(CODES);
        assertEquals(Set.of(), used, "keys without a text");
    }
}
