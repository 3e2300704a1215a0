package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ${package}.internal.ModuleTexts.TEXTS;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oko.module.testing.TextKeys;

/** Both languages of every text, and a text for every key the code names. */
class ModuleTextsTest {

    /** A key in the code: the module's id, then a dotted name, as the first literal of a TEXTS call or of Spec's problem(...). */
    private static final Pattern KEY = Pattern.compile("(?:TEXTS\\.\\w+\\((?:[\\w.]+, )?|problem\\(\"\\w+\", )\"(${moduleId}\\.[a-z0-9.-]+)\"");

    @Test
    void everyKeyTheCodeNamesHasItsTextInBothLanguages() throws IOException {
        assertEquals(Set.of(), TEXTS.problems());
        assertEquals(Set.of(), TextKeys.missing(java.nio.file.Path.of("src/main/java"), TEXTS.keys(), KEY));
    }
}
