package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ${package}.internal.ModuleTexts.TEXTS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Both languages of every text, and a text for every key the code names. */
class ModuleTextsTest {

    /** A key in the code: the module's id, then a dotted name, as the first literal of a TEXTS call or of Spec's problem(...). */
    private static final Pattern KEY = Pattern.compile("(?:TEXTS\\.\\w+\\((?:[\\w.]+, )?|problem\\(\"\\w+\", )\"(${moduleId}\\.[a-z0-9.-]+)\"");

    @Test
    void everyTextIsInBothLanguages() {
        assertEquals(Set.of(), TEXTS.problems());
    }

    @Test
    void everyKeyTheCodeUsesHasItsText() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                KEY.matcher(Files.readString(file)).results().forEach(m -> used.add(m.group(1)));
            }
        }
        used.removeAll(TEXTS.keys());
        assertEquals(Set.of(), used, "keys without a text");
        assertEquals(false, TEXTS.keys().isEmpty());
    }
}
