package org.oko.forms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.forms.api.ApiTexts.TEXTS;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oko.module.testing.TextKeys;

class ApiTextsTest {

    @Test
    void everyKeyTheCodeNamesHasItsTextInBothLanguages() throws IOException {
        assertEquals(Set.of(), TEXTS.problems());
        assertEquals(Set.of(), TextKeys.missing(java.nio.file.Path.of("src/main/java"), TEXTS.keys(), Pattern.compile("ApiTexts\\.text\\(\"([^\"]+)\"")));
    }

    @Test
    void breakdownRowsReadInBothLanguages() {
        assertEquals("5 класс", Breakdown.GRADES.rows().get(4).label().ru());
        assertEquals("Part-time", Breakdown.STUDY_FORM.rows().get(1).label().en());
    }
}
