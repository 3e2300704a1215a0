package org.oko.analytics.internal.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.oko.analytics.internal.catalogue.Catalogue;
import org.oko.analytics.internal.engine.IndicatorEngine;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.SettlementType;
import org.oko.procedure.api.Flag;

/**
 * Six schools judged by four rules of each kind, every flag worked out by hand:
 * <pre>
 *        Q (higher)  P (lower)  settlement  signs
 *   S1      30         30        rural       —
 *   S2      40         10        rural       —
 *   S3      50         20        city        vpr TOP_MARKS
 *   S4      60          5        city        olympiad (not a source of the rule)
 *   S5      70         31        rural       —
 *   S6       —          —        rural       —
 *   region  50         20
 * </pre>
 * low: Q among the worst 20 % (one school of five: the cut is 30, so S1) or Q &lt; 45 (S1, S2), one condition enough;
 * social: P ≥ 1.5 × region (30: S1, S5) and rural, both (S1, S5; S2 and S6 only rural); signs: ВПР only (S3);
 * risk: low and social (S1). S4 and S6 get nothing: S6 has no values.
 */
class RiskFlagsTest {

    private static final Catalogue CATALOGUE = new Catalogue("test", 1, "", "", Map.of(), List.of(
            new Catalogue.Indicator("Q", "Качество", "Тема", "%", "higher", "mean", Map.of("q", "f.q"), "q"),
            new Catalogue.Indicator("P", "Бедность", "Тема", "%", "lower", "sum", Map.of("p", "f.p"), "p")));

    private static final FlagRules RULES = new FlagRules("test", 1, "Флаги", "test", "", List.of(
            new FlagRules.Rule("low", "Низкие результаты", "", FlagRules.INDICATORS, List.of(
                    new FlagRules.Condition("Q", null, null, null, 20.0, null, null),
                    new FlagRules.Condition("Q", "<", 45.0, null, null, null, null)), null, null, null, 1),
            new FlagRules.Rule("social", "Условия", "", FlagRules.INDICATORS, List.of(
                    new FlagRules.Condition("P", ">=", null, 1.5, null, null, null),
                    new FlagRules.Condition(null, null, null, null, null, "settlement", List.of("RURAL"))), null, null, null, null),
            new FlagRules.Rule("signs", "Необъективность", "", FlagRules.SIGNS, null, List.of("vpr"), null, null, null),
            new FlagRules.Rule("risk", "Зона риска", "", FlagRules.FLAGS, null, null, null, List.of("low", "social"), null)));

    private static Organisation school(String code, SettlementType settlement) {
        return new Organisation(code, OrganisationKind.SCHOOL, code, code, null, null, "T1", settlement, null, null, null, null, null, null, null,
                null, 0);
    }

    private static Map<String, BigDecimal> values(Object... pairs) {
        Map<String, BigDecimal> values = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], new BigDecimal(pairs[i + 1].toString()));
        }
        return values;
    }

    private static RiskFlags.Input input(Map<String, BigDecimal> q) {
        Map<String, Organisation> schools = new LinkedHashMap<>();
        schools.put("S1", school("S1", SettlementType.RURAL));
        schools.put("S2", school("S2", SettlementType.RURAL));
        schools.put("S3", school("S3", SettlementType.CITY));
        schools.put("S4", school("S4", SettlementType.CITY));
        schools.put("S5", school("S5", SettlementType.RURAL));
        schools.put("S6", school("S6", SettlementType.RURAL));
        Map<String, IndicatorEngine.Values> values = Map.of(
                "Q", new IndicatorEngine.Values(q, Map.of(), new BigDecimal("50")),
                "P", new IndicatorEngine.Values(values("S1", 30, "S2", 10, "S3", 20, "S4", 5, "S5", 31), Map.of(), new BigDecimal("20")));
        Map<String, Map<String, List<Flag>>> signs = Map.of(
                "vpr", Map.of("S3", List.of(new Flag("S3", "TOP_MARKS", "Много пятёрок", "«5» у 60%", Map.of()))),
                "olympiad", Map.of("S4", List.of(new Flag("S4", "BUNCHING", "Скученность", "над проходным", Map.of()))));
        return new RiskFlags.Input(CATALOGUE, values, schools, signs);
    }

    private static Map<String, List<String>> rules(Map<String, List<Flag>> flagged) {
        Map<String, List<String>> rules = new TreeMap<>();
        flagged.forEach((school, flags) -> rules.put(school, flags.stream().map(Flag::rule).toList()));
        return rules;
    }

    @Test
    void everyKindOfRuleFlagsTheSchoolsWorkedOutByHand() {
        Map<String, List<Flag>> flagged = RiskFlags.judge(RULES, input(values("S1", 30, "S2", 40, "S3", 50, "S4", 60, "S5", 70)));
        assertEquals(Map.of("S1", List.of("low", "social", "risk"), "S2", List.of("low"), "S3", List.of("signs"), "S5", List.of("social")),
                rules(flagged));
    }

    @Test
    void eachFlagSaysWhy() {
        Map<String, List<Flag>> flagged = RiskFlags.judge(RULES, input(values("S1", 30, "S2", 40, "S3", 50, "S4", 60, "S5", 70)));
        assertEquals("выполнено условий: 1 из 2 (нужно 1): Качество: 40 % < 45 %", flagged.get("S2").get(0).explanation());
        String s1 = flagged.get("S1").get(0).explanation();
        assertTrue(s1.startsWith("выполнено условий: 2 из 2 (нужно 1): Качество: 30 % — среди 20 % школ региона с худшими значениями (граница 30 %)"),
                s1);
        assertEquals("Бедность: 31 % >= 30 % (1,5 × региональное значение 20 %); тип местности — Сельская",
                flagged.get("S5").get(0).explanation());
        assertEquals("Много пятёрок — «5» у 60%", flagged.get("S3").get(0).explanation());
        assertEquals("Низкие результаты; Условия", flagged.get("S1").get(2).explanation());
        assertEquals(new BigDecimal("31"), flagged.get("S5").get(0).figures().get("P"));
    }

    @Test
    void schoolsTiedAtTheWorstBoundaryAreFlaggedAlike() {
        Map<String, List<Flag>> flagged = RiskFlags.judge(RULES, input(values("S1", 50, "S2", 50, "S3", 50, "S4", 60, "S5", 70)));
        // The worst 20 % is one school, but three share its value 50 (not below 45): all three are flagged, no other.
        assertEquals(List.of("S1", "S2", "S3"), flagged.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(f -> f.rule().equals("low")))
                .map(Map.Entry::getKey).toList());
    }

    @Test
    void theRulesFileIsChecked() {
        assertEquals(List.of(), RULES.problems());
        FlagRules broken = new FlagRules("test", 1, "", "", "", List.of(
                new FlagRules.Rule("a", "A", "", FlagRules.INDICATORS, List.of(new FlagRules.Condition("Q", "<", 1.0, 0.5, null, null, null)), null,
                        null, null, null),
                new FlagRules.Rule("b", "B", "", FlagRules.FLAGS, null, null, null, List.of("c"), null),
                new FlagRules.Rule("c", "C", "", FlagRules.SIGNS, null, List.of(), null, null, null),
                new FlagRules.Rule("d", "D", "", FlagRules.INDICATORS, List.of(new FlagRules.Condition("Q", null, null, null, 120.0, null, null)), null,
                        null, null, null)));
        assertEquals(List.of("a", "b", "c", "d"), broken.problems().stream().map(p -> p.substring(0, 1)).toList(), broken.problems().toString());
        assertFalse(broken.problems().isEmpty());
    }
}
