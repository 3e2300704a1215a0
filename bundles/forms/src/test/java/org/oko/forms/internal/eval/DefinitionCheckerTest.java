package org.oko.forms.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oko.forms.internal.eval.Defs.breakdown;
import static org.oko.forms.internal.eval.Defs.choice;
import static org.oko.forms.internal.eval.Defs.computed;
import static org.oko.forms.internal.eval.Defs.fixed;
import static org.oko.forms.internal.eval.Defs.form;
import static org.oko.forms.internal.eval.Defs.input;
import static org.oko.forms.internal.eval.Defs.open;
import static org.oko.forms.internal.eval.Defs.patterned;
import static org.oko.forms.internal.eval.Defs.ranged;
import static org.oko.forms.internal.eval.Defs.rule;
import static org.oko.forms.internal.eval.Defs.section;
import static org.oko.forms.internal.eval.Defs.table;
import static org.oko.forms.internal.eval.Defs.visibleIf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.Breakdown;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.Rule;
import org.oko.forms.api.Section;
import org.oko.forms.api.Severity;

class DefinitionCheckerTest {

    private static final Section GRADES = section("grades", null,
            input("pupils_total", IndicatorType.INTEGER, true),
            table("pupils", breakdown(Breakdown.GRADES),
                    input("boys", IndicatorType.INTEGER, false),
                    input("girls", IndicatorType.INTEGER, false),
                    computed("total", "boys + girls")),
            table("clubs", open(), input("members", IndicatorType.INTEGER, false)),
            table("levels", fixed("noo", "ooo"), input("classes", IndicatorType.INTEGER, false)));

    private static List<String> check(List<Section> sections, Rule... rules) {
        return DefinitionChecker.check(form(sections, rules));
    }

    private static void assertOneProblem(String expected, List<String> problems) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(expected), problems.get(0));
    }

    @Test
    void soundDefinition() {
        assertEquals(List.of(), check(List.of(GRADES),
                rule("sum", "sum(pupils.total) = pupils_total", Severity.ERROR, "pupils_total"),
                rule("fifth", "pupils.boys[5] + pupils.girls['5'] >= 0 and levels.classes[noo] > 0 and clubs.members[any] > 0",
                        Severity.WARNING, "pupils.boys[5]", "pupils.total", "pupils")));
    }

    @Test
    void parseErrorNamesTheRuleAndColumn() {
        assertOneProblem("rule 'r', check: column 5: expected a value", check(List.of(GRADES),
                rule("r", "a + * b", Severity.ERROR)));
    }

    @Test
    void unknownReferences() {
        assertOneProblem("column 1: unknown indicator 'pupil_total'", check(List.of(GRADES),
                rule("r", "pupil_total > 0", Severity.ERROR)));
        assertOneProblem("unknown table 'pupil'", check(List.of(GRADES), rule("r", "sum(pupil.total) > 0", Severity.ERROR)));
        assertOneProblem("has no column 'totl'", check(List.of(GRADES), rule("r", "pupils.totl[1] > 0", Severity.ERROR)));
        assertOneProblem("has no row '12'", check(List.of(GRADES), rule("r", "pupils.total[12] > 0", Severity.ERROR)));
        assertOneProblem("has no row 'soo'", check(List.of(GRADES), rule("r", "levels.classes[soo] > 0", Severity.ERROR)));
        assertOneProblem("'pupils' is a table", check(List.of(GRADES), rule("r", "pupils > 0", Severity.ERROR)));
        assertOneProblem("unknown indicator 'boys'", check(List.of(GRADES), rule("r", "boys > 0", Severity.ERROR)));
        assertOneProblem("section 's', indicator 'x', computed: column 5: unknown indicator 'girls'",
                check(List.of(GRADES, section("s", null, computed("x", "1 + girls")))));
        assertOneProblem("section 's', visibleIf", check(List.of(GRADES, section("s", "missing_flag", input("y",
                IndicatorType.TEXT, false)))));
    }

    @Test
    void ruleFieldsExist() {
        assertOneProblem("field 'nothing'", check(List.of(GRADES), rule("r", "pupils_total > 0", Severity.ERROR, "nothing")));
        assertOneProblem("field 'pupils.x[1]'", check(List.of(GRADES),
                rule("r", "pupils_total > 0", Severity.ERROR, "pupils.x[1]")));
    }

    @Test
    void cycles() {
        List<String> problems = check(List.of(section("s", null, computed("a", "b + 1"), computed("b", "c + 1"),
                computed("c", "a"), computed("self", "self + 1"))));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("a -> b -> c -> a"), problems.get(0));
        assertTrue(problems.get(1).contains("self -> self"), problems.get(1));
        assertOneProblem("pupils.total -> pupils.total", check(List.of(section("s", null,
                table("pupils", breakdown(Breakdown.GRADES), computed("total", "total + 1"))))));
        assertOneProblem("cycle", check(List.of(section("s", null,
                table("pupils", breakdown(Breakdown.GRADES), computed("total", "1 + all_total")),
                computed("all_total", "sum(pupils.total)")))));
    }

    @Test
    void indicatorProblems() {
        assertOneProblem("a choice needs options", check(List.of(section("s", null, choice("c", IndicatorType.CHOICE)))));
        assertOneProblem("option value 'a' is empty or repeated",
                check(List.of(section("s", null, choice("c", IndicatorType.MULTI_CHOICE, "a", "b", "a")))));
        assertOneProblem("min 10 is greater than max 5",
                check(List.of(section("s", null, ranged("n", IndicatorType.INTEGER, "10", "5")))));
        assertOneProblem("the pattern does not compile", check(List.of(section("s", null, patterned("t", "[0-9")))));
        Indicator requiredComputed = new Indicator("x", org.oko.forms.api.Text.of("x"), null, IndicatorType.INTEGER, null,
                true, null, null, null, List.of(), "1", null);
        assertOneProblem("a computed indicator cannot be required", check(List.of(section("s", null, requiredComputed))));
    }

    @Test
    void codes() {
        assertOneProblem("indicator 'a': the code is used twice", check(List.of(
                section("s1", null, input("a", IndicatorType.TEXT, false)),
                section("s2", null, input("a", IndicatorType.TEXT, false)))));
        assertOneProblem("table 't', column 'c': the code is used twice", check(List.of(section("s", null,
                table("t", open(), input("c", IndicatorType.TEXT, false), input("c", IndicatorType.TEXT, false))))));
        assertEquals(List.of(), check(List.of(section("s", null, input("c", IndicatorType.TEXT, false),
                table("t", open(), input("c", IndicatorType.TEXT, false))))), "a column may share a single's code");
        assertOneProblem("a code is letters", check(List.of(section("s", null, input("and", IndicatorType.TEXT, false)))));
        assertOneProblem("a code is letters", check(List.of(section("s", null, input("1x", IndicatorType.TEXT, false)))));
        assertOneProblem("the section id is empty or repeated", check(List.of(section("s", null), section("s", null))));
        assertOneProblem("the rule id is empty or repeated", check(List.of(GRADES),
                rule("r", "pupils_total > 0", Severity.ERROR), rule("r", "pupils_total < 9", Severity.ERROR)));
    }

    @Test
    void visibilityReferences() {
        FormDefinition definition = form(List.of(section("s", null, input("has_branches", IndicatorType.BOOLEAN, false),
                visibleIf(input("branches", IndicatorType.INTEGER, true), "has_branches = true"))));
        assertEquals(List.of(), DefinitionChecker.check(definition));
    }
}
