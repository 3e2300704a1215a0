package org.oko.analytics.internal.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.oko.analytics.internal.catalogue.Catalogue;

/**
 * A year's actual values of every indicator of the catalogue: each school's from its forms' values, each territory's
 * and the region's by the indicator's aggregation — the formula over the inputs summed over the schools that have
 * them all ("sum": a share of the whole), or the mean of the schools' values ("mean"). Pure: the forms' values in,
 * the values out, rounded to two decimals.
 */
public final class IndicatorEngine {

    /** The region's key among the levels' values. */
    public static final String REGION = "";

    /** One indicator's values of a year: by school, by territory, and the region's (null when none). */
    public record Values(Map<String, BigDecimal> schools, Map<String, BigDecimal> territories, BigDecimal region) {
    }

    private IndicatorEngine() {
    }

    /**
     * @param forms       formId → organisation → key → value (numbers as BigDecimal, booleans count 1 and 0)
     * @param territoryOf a school's territory code, null when unknown
     */
    public static Map<String, Values> compute(Catalogue catalogue, Map<String, Map<String, Map<String, Object>>> forms,
                                              Function<String, String> territoryOf) {
        Set<String> schools = new TreeSet<>();
        forms.values().forEach(byOrg -> schools.addAll(byOrg.keySet()));
        Map<String, Values> all = new LinkedHashMap<>();
        for (Catalogue.Indicator indicator : catalogue.indicators()) {
            Formula formula = Formula.of(indicator.formula(), indicator.inputs().keySet());
            Map<String, BigDecimal> bySchool = new TreeMap<>();
            Map<String, Map<String, Double>> sums = new TreeMap<>(); // territory (or REGION) → input → sum
            Map<String, double[]> means = new TreeMap<>(); // territory (or REGION) → {sum, count}
            for (String school : schools) {
                Map<String, Double> inputs = inputs(indicator, forms, school);
                if (inputs == null) {
                    continue;
                }
                Double value = formula.evaluate(inputs);
                if (value != null) {
                    bySchool.put(school, round(value));
                }
                String territory = territoryOf.apply(school);
                for (String level : territory == null ? new String[] {REGION} : new String[] {REGION, territory}) {
                    Map<String, Double> sum = sums.computeIfAbsent(level, l -> new HashMap<>());
                    inputs.forEach((name, v) -> sum.merge(name, v, Double::sum));
                    if (value != null) {
                        double[] mean = means.computeIfAbsent(level, l -> new double[2]);
                        mean[0] += value;
                        mean[1]++;
                    }
                }
            }
            Map<String, BigDecimal> levels = new TreeMap<>();
            if ("mean".equals(indicator.aggregate())) {
                means.forEach((level, mean) -> levels.put(level, round(mean[0] / mean[1])));
            } else {
                sums.forEach((level, sum) -> {
                    Double value = formula.evaluate(sum);
                    if (value != null) {
                        levels.put(level, round(value));
                    }
                });
            }
            BigDecimal region = levels.remove(REGION);
            all.put(indicator.code(), new Values(bySchool, levels, region));
        }
        return all;
    }

    /** A school's inputs of an indicator, null when one is missing (the school then counts for nothing in it). */
    static Map<String, Double> inputs(Catalogue.Indicator indicator, Map<String, Map<String, Map<String, Object>>> forms, String school) {
        Map<String, Double> inputs = new HashMap<>();
        for (Map.Entry<String, String> input : indicator.inputs().entrySet()) {
            int dot = input.getValue().indexOf('.');
            Object value = forms.getOrDefault(input.getValue().substring(0, dot), Map.of()).getOrDefault(school, Map.of())
                    .get(input.getValue().substring(dot + 1));
            Double number = value instanceof BigDecimal d ? d.doubleValue() : value instanceof Number n ? n.doubleValue()
                    : value instanceof Boolean b ? (b ? 1.0 : 0.0) : null;
            if (number == null) {
                return null;
            }
            inputs.put(input.getKey(), number);
        }
        return inputs;
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
