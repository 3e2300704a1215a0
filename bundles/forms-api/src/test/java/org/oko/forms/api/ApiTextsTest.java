package org.oko.forms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.forms.api.ApiTexts.TEXTS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ApiTextsTest {

    @Test
    void everyTextIsInBothLanguages() {
        assertEquals(Set.of(), TEXTS.problems());
    }

    /** Every key is named in an ApiTexts.text(...) call. */
    @Test
    void everyKeyTheCodeUsesHasItsText() throws IOException {
        Pattern call = Pattern.compile("ApiTexts\\.text\\(\"([^\"]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/oko/forms/api"))) {
            for (Path file : files.toList()) {
                call.matcher(Files.readString(file)).results().forEach(m -> used.add(m.group(1)));
            }
        }
        used.removeAll(TEXTS.keys());
        assertEquals(Set.of(), used);
        assertEquals("5 класс", Breakdown.GRADES.rows().get(4).label().ru());
        assertEquals("Part-time", Breakdown.STUDY_FORM.rows().get(1).label().en());
    }
}
