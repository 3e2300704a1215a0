package org.oko.forms.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oko.forms.internal.eval.Defs.computed;
import static org.oko.forms.internal.eval.Defs.fixed;
import static org.oko.forms.internal.eval.Defs.form;
import static org.oko.forms.internal.eval.Defs.input;
import static org.oko.forms.internal.eval.Defs.section;
import static org.oko.forms.internal.eval.Defs.table;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.IndicatorType;

/** Reading some keys of a form: what they need, followed through computed values, and only those computed. */
class ReadsTest {

    private static final FormDefinition FORM = form(List.of(section("s", null,
            input("grads_total", IndicatorType.INTEGER, true),
            input("grads_ovz", IndicatorType.INTEGER, true),
            input("unrelated", IndicatorType.INTEGER, false),
            table("destinations", fixed("spo", "grade10"),
                    input("all", IndicatorType.INTEGER, true),
                    input("ovz", IndicatorType.INTEGER, true),
                    computed("other", "all - ovz")),
            table("other_table", fixed("a"), input("x", IndicatorType.INTEGER, false)),
            computed("continued", "destinations.all[spo] + destinations.all[grade10]"),
            computed("continued_share", "continued * 100 / grads_total"),
            computed("ovz_sum", "sum(destinations.ovz)"),
            computed("unrelated_twice", "unrelated * 2"))));

    private final FormEvaluator evaluator = new FormEvaluator();

    @Test
    void storedKeysAreReadAsTheyAre() {
        Reads reads = evaluator.reads(FORM, Set.of("grads_total", "destinations.all[spo]", "not_in_the_form"), Set.of());
        assertEquals(Set.of("grads_total", "destinations.all[spo]", "not_in_the_form"), reads.keys());
        assertEquals(Set.of(), reads.columns());
        assertEquals(Set.of(), reads.computed());
        assertTrue(reads.covers("destinations.all[spo]"));
        assertFalse(reads.covers("destinations.all[grade10]"));
    }

    @Test
    void computedKeysAreFollowedToWhatTheyRead() {
        Reads reads = evaluator.reads(FORM, Set.of("continued_share", "ovz_sum"), Set.of());
        // continued_share reads continued (computed) and grads_total; continued reads two cells; ovz_sum a whole column.
        assertEquals(Set.of("continued_share", "continued", "ovz_sum"), reads.computed());
        assertEquals(Set.of("grads_total", "destinations.all[spo]", "destinations.all[grade10]"), reads.keys());
        assertEquals(Set.of("destinations.ovz"), reads.columns());
        assertTrue(reads.covers("destinations.ovz[spo]"));
        assertFalse(reads.covers("destinations.other[spo]"));
        assertFalse(reads.covers("other_table.x[a]"));
        assertFalse(reads.covers("unrelated"));
    }

    @Test
    void aComputedColumnReadsTheColumnsOfItsRow() {
        Reads reads = evaluator.reads(FORM, Set.of("destinations.other[spo]"), Set.of());
        assertEquals(Set.of("destinations.other"), reads.computed());
        assertEquals(Set.of("destinations.all", "destinations.ovz"), reads.columns());
        assertEquals(Set.of(), reads.keys());
    }

    @Test
    void keysCalculatorsProvideAreNotRead() {
        Reads reads = evaluator.reads(FORM, Set.of("ovz_sum", "grads_total", "destinations.all[spo]"),
                Set.of("destinations.ovz[spo]", "grads_total"));
        assertEquals(Set.of("destinations.all[spo]"), reads.keys());
        assertEquals(Set.of("destinations.ovz"), reads.columns()); // its other cells are read in the same range
    }

    @Test
    void onlyTheComputedValuesReadAreEvaluatedAndTheyEqualAFullEvaluation() {
        Map<String, Object> values = new HashMap<>(Map.of("grads_total", n(50), "grads_ovz", n(4), "unrelated", n(7),
                "destinations.all[spo]", n(10), "destinations.all[grade10]", n(15), "destinations.ovz[spo]", n(1),
                "destinations.ovz[grade10]", n(2)));
        Reads reads = evaluator.reads(FORM, Set.of("continued_share", "ovz_sum"), Set.of());
        Map<String, Object> some = evaluator.computed(FORM, values, List.of(), reads);
        assertEquals(Set.of("continued", "continued_share", "ovz_sum"), some.keySet());
        assertEquals(0, n(50).compareTo((BigDecimal) some.get("continued_share")));
        assertEquals(0, n(3).compareTo((BigDecimal) some.get("ovz_sum")));
        Map<String, Object> all = evaluator.computed(FORM, values, List.of());
        some.forEach((key, value) -> assertEquals(all.get(key), value, key));
        assertTrue(all.containsKey("unrelated_twice"));
    }

    private static BigDecimal n(long value) {
        return BigDecimal.valueOf(value);
    }
}
