package org.oko.forms.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oko.forms.internal.eval.Defs.breakdown;
import static org.oko.forms.internal.eval.Defs.choice;
import static org.oko.forms.internal.eval.Defs.computed;
import static org.oko.forms.internal.eval.Defs.form;
import static org.oko.forms.internal.eval.Defs.input;
import static org.oko.forms.internal.eval.Defs.open;
import static org.oko.forms.internal.eval.Defs.patterned;
import static org.oko.forms.internal.eval.Defs.ranged;
import static org.oko.forms.internal.eval.Defs.rule;
import static org.oko.forms.internal.eval.Defs.section;
import static org.oko.forms.internal.eval.Defs.table;
import static org.oko.forms.internal.eval.Defs.visibleIf;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.Breakdown;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Severity;
import org.oko.forms.api.Text;
import org.oko.forms.api.ValidationMessage;

class FormEvaluatorTest {

    private static final FormDefinition SCHOOL = form(List.of(
                    section("general", null,
                            input("pupils_total", IndicatorType.INTEGER, true),
                            input("has_branches", IndicatorType.BOOLEAN, false),
                            visibleIf(input("branches_count", IndicatorType.INTEGER, true), "has_branches")),
                    section("grades", null,
                            table("pupils", breakdown(Breakdown.GRADES),
                                    ranged("boys", IndicatorType.INTEGER, "0", null),
                                    ranged("girls", IndicatorType.INTEGER, "0", null),
                                    computed("total", "boys + girls"))),
                    section("branches", "has_branches = true",
                            input("branch_note", IndicatorType.TEXT, true))),
            rule("pupils_sum", "sum(pupils.total) = pupils_total", Severity.ERROR, "pupils_total"),
            rule("many_pupils", "pupils_total <= 3000", Severity.WARNING, "pupils_total"),
            rule("branches_small", "branches_count < 10", Severity.ERROR, "branches_count"));

    private final FormEvaluator evaluator = new FormEvaluator();

    private static BigDecimal n(long value) {
        return BigDecimal.valueOf(value);
    }

    /** 10 boys and 12 girls in every grade: 242 pupils. */
    private static Map<String, Object> consistent() {
        Map<String, Object> values = new HashMap<>();
        for (int grade = 1; grade <= 11; grade++) {
            values.put("pupils.boys[" + grade + "]", n(10));
            values.put("pupils.girls[" + grade + "]", n(12));
        }
        values.put("pupils_total", n(242));
        values.put("has_branches", false);
        return values;
    }

    private Evaluation evaluate(FormDefinition definition, Map<String, Object> values) {
        return evaluator.evaluate(definition, values, List.of());
    }

    private static Map<String, String> ruleIds(Evaluation evaluation) {
        return evaluation.messages().stream().collect(Collectors.toMap(m -> String.valueOf(m.field()),
                ValidationMessage::ruleId, (a, b) -> a + "," + b));
    }

    @Test
    void consistentSubmissionHasNoMessagesAndIsComplete() {
        Evaluation evaluation = evaluate(SCHOOL, consistent());
        assertEquals(List.of(), evaluation.messages());
        assertEquals(n(22), evaluation.computed().get("pupils.total[5]"));
        assertEquals(11, evaluation.computed().size());
        assertEquals(100, evaluation.completionPercent());
        assertFalse(evaluation.hasErrors());
        assertTrue(evaluation.hidden().containsAll(List.of("branches_count", "branches", "branch_note")));
    }

    @Test
    void sumRuleFailsWithItsSeverityMessageAndField() {
        Map<String, Object> values = consistent();
        values.put("pupils_total", n(243));
        Evaluation evaluation = evaluate(SCHOOL, values);
        assertEquals(List.of(new ValidationMessage("pupils_total", Severity.ERROR, Text.of("Правило pupils_sum"),
                "pupils_sum")), evaluation.messages());
        assertTrue(evaluation.hasErrors());
    }

    @Test
    void warningRule() {
        Map<String, Object> values = consistent();
        values.put("pupils.boys[1]", n(3000));
        values.put("pupils_total", n(3232));
        Evaluation evaluation = evaluate(SCHOOL, values);
        assertEquals(1, evaluation.messages().size());
        assertEquals(Severity.WARNING, evaluation.messages().get(0).severity());
        assertEquals("many_pupils", evaluation.messages().get(0).ruleId());
        assertFalse(evaluation.hasErrors());
    }

    @Test
    void ruleWithMissingInputIsNotChecked() {
        Map<String, Object> values = consistent();
        values.remove("pupils_total");
        Evaluation evaluation = evaluate(SCHOOL, values);
        assertEquals(Map.of("pupils_total", "required"), ruleIds(evaluation));
    }

    @Test
    void visibilityMakesItemsRequiredAndRulesChecked() {
        Map<String, Object> values = consistent();
        values.put("has_branches", true);
        values.put("branches_count", n(12));
        Evaluation evaluation = evaluate(SCHOOL, values);
        assertFalse(evaluation.hidden().contains("branches_count"));
        assertFalse(evaluation.hidden().contains("branches"));
        assertEquals(Map.of("branches_count", "branches_small", "branch_note", "required"), ruleIds(evaluation));
        assertEquals(66, evaluation.completionPercent(), "2 of pupils_total, branches_count, branch_note");

        values.put("has_branches", false);
        Evaluation hidden = evaluate(SCHOOL, values);
        assertEquals(List.of(), hidden.messages());
        assertTrue(hidden.hidden().contains("branches_count"));
    }

    @Test
    void unansweredConditionHides() {
        Map<String, Object> values = consistent();
        values.remove("has_branches");
        assertTrue(evaluate(SCHOOL, values).hidden().contains("branches_count"));
    }

    @Test
    void requiredAndCompletion() {
        Evaluation empty = evaluate(SCHOOL, Map.of());
        assertEquals(0, empty.completionPercent());
        assertEquals(List.of(new ValidationMessage("pupils_total", Severity.ERROR,
                new Text("Заполните это поле", "A value is required"), "required")), empty.messages());

        Map<String, Object> values = new HashMap<>(consistent());
        values.remove("pupils_total");
        values.put("pupils.boys[1]", "  ");
        Evaluation partial = evaluate(SCHOOL, values);
        assertEquals(0, partial.completionPercent(), "boys and girls are not required: only pupils_total counts");
        assertEquals(Map.of("pupils_total", "required"), ruleIds(partial));
    }

    @Test
    void completionCountsRequiredCellsOfEveryRow() {
        FormDefinition definition = form(List.of(section("s", null,
                input("a", IndicatorType.INTEGER, true),
                table("t", Defs.fixed("x", "y", "z"), input("c", IndicatorType.INTEGER, true)))));
        Map<String, Object> values = Map.of("a", n(1), "t.c[x]", n(2));
        assertEquals(50, evaluate(definition, values).completionPercent());
        assertEquals(100, evaluate(form(List.of(section("s", null, input("a", IndicatorType.TEXT, false)))), Map.of())
                .completionPercent());
    }

    @Test
    void rangesTypesPatternsAndOptions() {
        FormDefinition definition = form(List.of(section("s", null,
                ranged("age", IndicatorType.INTEGER, "6", "18"),
                ranged("share", IndicatorType.PERCENT, null, null),
                ranged("ratio", IndicatorType.PERCENT, null, "200"),
                patterned("inn", "\\d{10}"),
                choice("kind", IndicatorType.CHOICE, "school", "lyceum"),
                choice("clubs", IndicatorType.MULTI_CHOICE, "chess", "robotics"),
                input("opened", IndicatorType.DATE, false))));
        Map<String, Object> values = new HashMap<>();
        values.put("age", new BigDecimal("5"));
        values.put("share", new BigDecimal("120"));
        values.put("ratio", new BigDecimal("150"));
        values.put("inn", "12345");
        values.put("kind", "gymnasium");
        values.put("clubs", List.of("chess", "football"));
        values.put("opened", "2020-09-01");
        assertEquals(Map.of("age", "min", "share", "max", "inn", "pattern", "kind", "option", "clubs", "option",
                "opened", "type"), ruleIds(evaluate(definition, values)));

        values.put("age", new BigDecimal("19"));
        values.put("share", new BigDecimal("-1"));
        assertEquals("max", ruleIds(evaluate(definition, values)).get("age"));
        assertEquals("min", ruleIds(evaluate(definition, values)).get("share"));
        values.put("age", new BigDecimal("7.5"));
        assertEquals("type", ruleIds(evaluate(definition, values)).get("age"));
        values.put("age", new BigDecimal("7.00"));
        assertFalse(ruleIds(evaluate(definition, values)).containsKey("age"));
        ValidationMessage min = evaluate(definition, Map.of("age", n(1))).messages().get(0);
        assertEquals(new Text("Значение должно быть не меньше 6", "The value must be at least 6"), min.message());
    }

    @Test
    void computedValuesOfTheInputAreIgnoredAndOrderFollowsDependencies() {
        FormDefinition definition = form(List.of(section("s", null,
                computed("c", "b * 2"),
                computed("b", "a + 1"),
                input("a", IndicatorType.INTEGER, false))));
        Map<String, Object> values = Map.of("a", n(1), "b", n(100));
        Evaluation evaluation = evaluate(definition, values);
        assertEquals(Map.of("b", n(2), "c", n(4)), evaluation.computed());
        assertFalse(evaluation.computed().containsKey("a"));
    }

    @Test
    void cycleIsReportedNotEvaluated() {
        FormDefinition definition = form(List.of(section("s", null,
                computed("x", "y + 1"), computed("y", "x + 1"), computed("z", "1"))));
        Evaluation evaluation = evaluate(definition, Map.of());
        assertEquals(Map.of("z", n(1)), evaluation.computed());
        assertEquals(EvaluationRun.EXPRESSION, evaluation.messages().get(0).ruleId());
    }

    @Test
    void openAndStructuralUnitRows() {
        FormDefinition definition = form(List.of(section("s", null,
                table("units", breakdown(Breakdown.STRUCTURAL_UNIT), input("staff", IndicatorType.INTEGER, true)),
                table("clubs", open(), input("members", IndicatorType.INTEGER, true),
                        input("name", IndicatorType.TEXT, true), computed("members2", "members * 2")),
                computed("staff_total", "sum(units.staff)"))));
        Map<String, Object> values = Map.of("units.staff[u1]", n(5), "units.staff[u2]", n(7), "units.staff[zz]", n(100),
                "clubs.members[chess]", n(3));
        Evaluation evaluation = evaluator.evaluate(definition, values,
                List.of(new RowSpec("u1", Text.of("Школа")), new RowSpec("u2", Text.of("Филиал"))));
        assertEquals(n(12), evaluation.computed().get("staff_total"));
        assertEquals(n(6), evaluation.computed().get("clubs.members2[chess]"));
        assertEquals(Map.of("clubs.name[chess]", "required"), ruleIds(evaluation));
        assertEquals(75, evaluation.completionPercent());
    }

    @Test
    void evaluationErrorsBecomeMessages() {
        FormDefinition definition = form(List.of(section("s", null,
                input("a", IndicatorType.DECIMAL, false), computed("big", "a * a"))));
        Evaluation evaluation = evaluate(definition, Map.of("a", new BigDecimal("1e20")));
        assertEquals(Map.of("big", EvaluationRun.EXPRESSION), ruleIds(evaluation));
    }
}
