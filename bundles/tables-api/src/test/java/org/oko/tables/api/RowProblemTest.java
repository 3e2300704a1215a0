package org.oko.tables.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.rest.ApiMessage;

/** A row's problem carries its text in both languages, the way the error format does. */
class RowProblemTest {

    @Test
    void aTextInBothLanguagesIsTheRussianMessageAndTheMessagesByLanguage() {
        RowProblem problem = new RowProblem(4, "Балл", new ApiMessage("Балл не число", "the score is not a number"));
        assertEquals("Балл не число", problem.message());
        assertEquals(Map.of("ru", "Балл не число", "en", "the score is not a number"), problem.messages());
        assertEquals(new ApiMessage("Балл не число", "the score is not a number"), problem.text());
    }

    @Test
    @SuppressWarnings("deprecation")
    void anOlderJoinedTextIsSplitAndARussianOneServesBoth() {
        assertEquals(Map.of("ru", "Балл не число", "en", "the score is not a number"),
                new RowProblem(4, null, "Балл не число / the score is not a number").messages());
        assertEquals(Map.of("ru", "Балл не число", "en", "Балл не число"), new RowProblem(4, null, "Балл не число").messages());
        TableImport.Problems problems = new TableImport.Problems();
        problems.add(2, null, "Нет кода / no code");
        problems.add(3, null, new ApiMessage("Нет имени", "no name"));
        assertEquals(2, problems.count());
    }
}
