package org.oko.demo.internal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.internal.definition.DefinitionParser;
import org.oko.forms.internal.eval.Evaluation;
import org.oko.forms.internal.eval.FormEvaluator;

/**
 * Every demo school's values of every form the demo fills pass the shipped form's rules through the server's own
 * evaluator: no error and no warning (an unexplained warning stops the sending), complete. The schools vary and the
 * weak rural ones have a poorer social context.
 */
class FormValuesTest {

    /** Codes as the demo region's (territory code and number), in town and in the country, this year and last. */
    private static final List<String> SCHOOLS = IntStream.range(0, 400).mapToObj(i -> String.valueOf(3_401_001 + i * 37)).toList();

    static Stream<FormValues> generators() {
        return DemoForms.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("generators")
    void everySchoolsValuesPassEveryRuleOfTheForm(FormValues generator) throws Exception {
        FormDefinition form = DefinitionParser.parse(Files.readString(Path.of("../../form-definitions/" + generator.form()
                + "/src/main/resources/OKO-INF/forms/" + generator.form() + ".json"), StandardCharsets.UTF_8));
        for (String code : SCHOOLS) {
            for (int year : new int[] {2025, 2026}) {
                SchoolProfile school = new SchoolProfile(code, code.hashCode() % 3 == 0, year);
                Map<String, Object> values = generator.values(school, DemoForms.random(code, generator.form()));
                Evaluation evaluation = new FormEvaluator().evaluate(form, evaluatorValues(values), List.of());
                assertEquals(List.of(), evaluation.messages(), generator.form() + " of " + code + " in " + year + ": " + values);
                assertEquals(100, evaluation.completionPercent(), generator.form() + " of " + code + " in " + year + ": " + values);
            }
        }
    }

    @Test
    void theSameSchoolGetsTheSameValuesAndSchoolsDiffer() {
        Form4Values four = new Form4Values();
        Map<String, Object> once = four.values(new SchoolProfile("3401001", true, 2026), DemoForms.random("3401001", "miac-4"));
        Map<String, Object> again = four.values(new SchoolProfile("3401001", true, 2026), DemoForms.random("3401001", "miac-4"));
        Map<String, Object> lastYear = four.values(new SchoolProfile("3401001", true, 2025), DemoForms.random("3401001", "miac-4"));
        Map<String, Object> other = four.values(new SchoolProfile("3401038", true, 2026), DemoForms.random("3401038", "miac-4"));
        assertEquals(once, again);
        assertNotEquals(once, lastYear);
        assertNotEquals(once.get("pupils_low_income"), other.get("pupils_low_income"));
    }

    @Test
    void weakRuralSchoolsHaveAPoorerSocialContext() {
        double weakRural = lowIncomeShare(true, true);
        double strongTown = lowIncomeShare(false, false);
        assertTrue(weakRural > 1.5 * strongTown, weakRural + " vs " + strongTown);
        long migrants = SCHOOLS.stream().map(c -> new SchoolProfile(c, true, 2026)).filter(s -> s.weak())
                .filter(s -> share(new Form4Values().values(s, DemoForms.random(s.code(), "miac-4")), "pupils_non_native_russian") >= 0.15).count();
        assertTrue(migrants > 0, "some weak rural schools have 15 % and more pupils whose native language is not Russian");
    }

    private static double lowIncomeShare(boolean rural, boolean weak) {
        return SCHOOLS.stream().map(c -> new SchoolProfile(c, rural, 2026)).filter(s -> s.weak() == weak)
                .mapToDouble(s -> share(new Form4Values().values(s, DemoForms.random(s.code(), "miac-4")), "pupils_low_income")).average().orElseThrow();
    }

    private static double share(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue() / ((Number) values.get("pupils_total")).doubleValue();
    }

    /** As the server stores them: numbers as BigDecimal. */
    private static Map<String, Object> evaluatorValues(Map<String, Object> values) {
        Map<String, Object> converted = new HashMap<>();
        values.forEach((key, value) -> converted.put(key, value instanceof Number n && !(value instanceof BigDecimal) ? new BigDecimal(n.toString()) : value));
        return converted;
    }

    @Test
    void randomSourcesAreStable() {
        assertNotEquals(DemoForms.random("3401001", "miac-2").nextLong(), DemoForms.random("3401001", "miac-3").nextLong());
    }
}
