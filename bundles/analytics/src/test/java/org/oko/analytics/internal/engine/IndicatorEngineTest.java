package org.oko.analytics.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.analytics.internal.catalogue.Catalogue;

/**
 * A dozen indicators of three schools (S1 and S2 in territory T1, S3 in T2) computed from hand-made form values, with
 * every school's, territory's and the region's value worked out by hand and written here.
 */
class IndicatorEngineTest {

    private static Catalogue.Indicator indicator(String code, String aggregate, String direction, String formula, String... inputs) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i += 2) {
            named.put(inputs[i], inputs[i + 1]);
        }
        return new Catalogue.Indicator(code, code, "Тема", "", direction, aggregate, named, formula);
    }

    private static final Catalogue CATALOGUE = new Catalogue("test", 1, "", "", Map.of(), List.of(
            indicator("I1", "mean", "lower", "p / c", "p", "f1.pupils_total", "c", "f1.classes_total"),
            indicator("I2", "sum", "lower", "p / t", "p", "f1.pupils_total", "t", "f5.teachers_total"),
            indicator("I3", "sum", "higher", "100 * h / t", "h", "f5.teachers_highest", "t", "f5.teachers_total"),
            indicator("I4", "sum", "higher", "100 * u / t", "u", "f5.teachers_under_35", "t", "f5.teachers_total"),
            indicator("I5", "sum", "lower", "100 * v / t", "v", "f5.vacancies", "t", "f5.teachers_total"),
            indicator("I6", "sum", "higher", "100 * c / p", "c", "f3.computers", "p", "f1.pupils_total"),
            indicator("I7", "sum", "higher", "100 * i / c", "i", "f3.computers_internet", "c", "f3.computers"),
            indicator("I8", "sum", "higher", "100 * (g + s + b) / t", "g", "f8.gto_by_stage.gold[s5]", "s", "f8.gto_by_stage.silver[s5]",
                    "b", "f8.gto_by_stage.bronze[s5]", "t", "f8.gto_tested"),
            indicator("I9", "sum", "higher", "100 * g / (g + s + b)", "g", "f8.gto_by_stage.gold[s5]", "s", "f8.gto_by_stage.silver[s5]",
                    "b", "f8.gto_by_stage.bronze[s5]"),
            indicator("I10", "mean", "lower", "max(p - 150, 0)", "p", "f1.pupils_total"),
            indicator("I11", "sum", "lower", "100 * v / (t - t)", "v", "f5.vacancies", "t", "f5.teachers_total"),
            indicator("I12", "mean", "higher", "100 * g", "g", "f3.gym")));

    private static Map<String, Map<String, Map<String, Object>>> forms() {
        Map<String, Map<String, Map<String, Object>>> forms = new HashMap<>();
        put(forms, "f1", "S1", "pupils_total", 200, "classes_total", 8);
        put(forms, "f1", "S2", "pupils_total", 100, "classes_total", 5);
        put(forms, "f1", "S3", "pupils_total", 300, "classes_total", 12);
        put(forms, "f5", "S1", "teachers_total", 20, "teachers_highest", 5, "teachers_under_35", 4, "vacancies", 1);
        put(forms, "f5", "S2", "teachers_total", 10, "teachers_highest", 5, "teachers_under_35", 1, "vacancies", 0);
        put(forms, "f5", "S3", "teachers_total", 25, "teachers_highest", 10, "teachers_under_35", 5, "vacancies", 2);
        put(forms, "f3", "S1", "computers", 30, "computers_internet", 30, "gym", true);
        put(forms, "f3", "S2", "computers", 10, "computers_internet", 5, "gym", false);
        put(forms, "f3", "S3", "computers", 40, "computers_internet", 20, "gym", true);
        put(forms, "f8", "S1", "gto_tested", 100, "gto_by_stage.gold[s5]", 10, "gto_by_stage.silver[s5]", 20, "gto_by_stage.bronze[s5]", 10);
        put(forms, "f8", "S2", "gto_tested", 50, "gto_by_stage.gold[s5]", 5, "gto_by_stage.silver[s5]", 3, "gto_by_stage.bronze[s5]", 2);
        return forms; // S3 has no form 8
    }

    private static void put(Map<String, Map<String, Map<String, Object>>> forms, String form, String school, Object... values) {
        Map<String, Object> map = forms.computeIfAbsent(form, f -> new HashMap<>()).computeIfAbsent(school, s -> new HashMap<>());
        for (int i = 0; i < values.length; i += 2) {
            Object v = values[i + 1];
            map.put((String) values[i], v instanceof Integer n ? BigDecimal.valueOf(n) : v);
        }
    }

    private static final Map<String, IndicatorEngine.Values> VALUES = IndicatorEngine.compute(CATALOGUE, forms(),
            school -> school.equals("S3") ? "T2" : "T1");

    /** School values S1, S2, S3, then T1, T2 and the region; "-" for none. */
    private static void expect(String code, String... values) {
        IndicatorEngine.Values v = VALUES.get(code);
        String[] got = {text(v.schools().get("S1")), text(v.schools().get("S2")), text(v.schools().get("S3")), text(v.territories().get("T1")),
                text(v.territories().get("T2")), text(v.region())};
        assertEquals(List.of(values), List.of(got), code);
    }

    private static String text(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    @Test
    void aMeanOfTheSchoolsValues() {
        expect("I1", "25.00", "20.00", "25.00", "22.50", "25.00", "23.33"); // class size: 200/8, 100/5, 300/12
        expect("I10", "50.00", "0.00", "150.00", "25.00", "150.00", "66.67"); // max(pupils − 150, 0)
        expect("I12", "100.00", "0.00", "100.00", "50.00", "100.00", "66.67"); // a yes counts 1
    }

    @Test
    void aShareOfTheWholeForTerritoriesAndTheRegion() {
        expect("I2", "10.00", "10.00", "12.00", "10.00", "12.00", "10.91"); // 600 pupils / 55 teachers
        expect("I3", "25.00", "50.00", "40.00", "33.33", "40.00", "36.36"); // 20 of 55 of the highest category
        expect("I4", "20.00", "10.00", "20.00", "16.67", "20.00", "18.18");
        expect("I5", "5.00", "0.00", "8.00", "3.33", "8.00", "5.45");
        expect("I6", "15.00", "10.00", "13.33", "13.33", "13.33", "13.33");
        expect("I7", "100.00", "50.00", "50.00", "87.50", "50.00", "68.75"); // 55 of 80 computers online
    }

    @Test
    void aSchoolWithoutTheFormCountsForNothingAndNothingDividedByZero() {
        expect("I8", "40.00", "20.00", "-", "33.33", "-", "33.33"); // S3 sent no form 8
        expect("I9", "25.00", "50.00", "-", "30.00", "-", "30.00"); // 15 gold of 50 badges
        expect("I11", "-", "-", "-", "-", "-", "-");
        assertNull(VALUES.get("I11").region());
    }

    @Test
    void aFormulaIsArithmeticOnlyAndNamesWhatIsWrong() {
        assertEquals(java.util.Optional.empty(), Formula.problem("100 * a / max(b, 1)", java.util.Set.of("a", "b")));
        org.junit.jupiter.api.Assertions.assertTrue(Formula.problem("100 * a / c", java.util.Set.of("a", "b")).isPresent(), "an unknown name");
        org.junit.jupiter.api.Assertions.assertTrue(Formula.problem("java.lang.System.exit(0)", java.util.Set.of("a")).isPresent());
        org.junit.jupiter.api.Assertions.assertTrue(Formula.problem("a +", java.util.Set.of("a")).isPresent());
    }
}
