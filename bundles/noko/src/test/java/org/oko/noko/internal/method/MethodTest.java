package org.oko.noko.internal.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oko.noko.internal.Fixtures;

/** The shipped method is whole; a broken one names every problem. */
class MethodTest {

    @Test
    void theShippedMethodHasTheFiveCriteriaWithWeightsAddingUp() {
        Method method = Fixtures.federal();
        assertEquals(List.of(), method.problems());
        assertEquals(List.of("k1", "k2", "k3", "k4", "k5"), method.criteria().stream().map(Method.Criterion::code).toList());
        assertEquals(14, method.questionnaire().questions().size());
        assertEquals("отлично", method.band(81));
        assertEquals("хорошо", method.band(80.99));
        assertEquals("Анкета получателя образовательных услуг", method.questionnaireFor("SCHOOL").title());
        assertTrue(method.questionnaireFor("OTHER").title().contains("дошкольного или дополнительного"));
        assertEquals("Анкета получателя образовательных услуг", method.questionnaireFor(null).title());
    }

    @Test
    void aBrokenMethodNamesEachProblem() {
        Method broken = new Method("Federal", 0, "", "", List.of(new Method.Checklist("site", "Сайт", List.of(new Method.Item("a", "А"),
                new Method.Item("a", "Б")))),
                new Method.Questionnaire("", null, List.of(new Method.Question("q1", "?", "q9"))),
                List.of(new Method.Questionnaire("Детсад", List.of(), List.of(new Method.Question("q1", "?", null)))),
                List.of(new Method.Criterion("k1", "", List.of(new Method.Indicator("1.1", "", 0.5, "points", List.of("site"), 0, null),
                        new Method.Indicator("1.2", "", 0.4, "survey", null, null, List.of(new Method.Part("q2", null)))))),
                List.of(new Method.Band(10, "")));
        List<String> problems = broken.problems();
        assertEquals(10, problems.size(), problems.toString()); // with the other type's: no kinds, and q2 missing
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("k1")), problems.toString());
    }
}
