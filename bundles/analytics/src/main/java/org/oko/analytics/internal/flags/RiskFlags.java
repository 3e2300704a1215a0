package org.oko.analytics.internal.flags;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.oko.analytics.internal.catalogue.Catalogue;
import org.oko.analytics.internal.engine.IndicatorEngine;
import org.oko.catalog.api.Organisation;
import org.oko.procedure.api.Flag;

/**
 * The risk flags of a year: every school judged by the rules in order, each flag with the clauses that raised it.
 * Pure: the year's indicator values, the schools' cards and the procedure modules' signs in, the flags out.
 */
public final class RiskFlags {

    /** What a year's judgement reads. */
    public record Input(Catalogue catalogue, Map<String, IndicatorEngine.Values> values, Map<String, Organisation> schools,
                        Map<String, Map<String, List<Flag>>> signs) {
    }

    private final FlagRules rules;
    private final Input input;
    private final Map<String, BigDecimal> cutoffs = new HashMap<>();

    private RiskFlags(FlagRules rules, Input input) {
        this.rules = rules;
        this.input = input;
    }

    /** School code → its flags in the rules' order; schools without a flag are left out. */
    public static Map<String, List<Flag>> judge(FlagRules rules, Input input) {
        RiskFlags judge = new RiskFlags(rules, input);
        Map<String, List<Flag>> flagged = new TreeMap<>();
        for (String school : new java.util.TreeSet<>(input.schools().keySet())) {
            Map<String, Flag> raised = new LinkedHashMap<>();
            for (FlagRules.Rule rule : rules.rules()) {
                judge.flag(rule, school, raised).ifPresent(flag -> raised.put(rule.key(), flag));
            }
            if (!raised.isEmpty()) {
                flagged.put(school, List.copyOf(raised.values()));
            }
        }
        return flagged;
    }

    private Optional<Flag> flag(FlagRules.Rule rule, String school, Map<String, Flag> raised) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        switch (rule.kind()) {
            case FlagRules.INDICATORS -> rule.conditions().forEach(c -> condition(c, school, figures).ifPresent(clauses::add));
            case FlagRules.SIGNS -> input.signs().forEach((procedure, bySchool) -> {
                if (rule.sources().contains(procedure)) {
                    bySchool.getOrDefault(school, List.of()).stream().filter(s -> rule.signs() == null || rule.signs().contains(s.rule()))
                            .forEach(s -> clauses.add(TEXTS.ru("analytics.flag.clause.sign", s.title(), s.explanation())));
                }
            });
            default -> rule.flags().stream().filter(raised::containsKey).forEach(key -> clauses.add(raised.get(key).title()));
        }
        if (clauses.size() < rule.needed()) {
            return Optional.empty();
        }
        figures.put("held", clauses.size());
        String explanation = String.join("; ", clauses);
        if (rule.min() != null && !FlagRules.SIGNS.equals(rule.kind())) {
            explanation = TEXTS.ru("analytics.flag.of", clauses.size(), rule.parts(), rule.min(), explanation);
        }
        return Optional.of(new Flag(school, rule.key(), rule.title(), explanation, figures));
    }

    /** The clause when the condition holds for the school; a missing value never holds. */
    private Optional<String> condition(FlagRules.Condition c, String school, Map<String, Object> figures) {
        if (c.attribute() != null) {
            Organisation card = input.schools().get(school);
            if (card == null || card.settlementType() == null || !c.in().contains(card.settlementType().name())) {
                return Optional.empty();
            }
            return Optional.of(TEXTS.ru("analytics.flag.clause.settlement", card.settlementType().label()));
        }
        Optional<Catalogue.Indicator> indicator = input.catalogue().indicator(c.indicator());
        IndicatorEngine.Values values = input.values().get(c.indicator());
        BigDecimal value = values == null ? null : values.schools().get(school);
        if (indicator.isEmpty() || value == null) {
            return Optional.empty();
        }
        Catalogue.Indicator i = indicator.get();
        if (c.worst() != null) {
            BigDecimal cutoff = cutoff(i, values, c.worst());
            int compared = value.compareTo(cutoff);
            if (i.higherIsBetter() ? compared > 0 : compared < 0) {
                return Optional.empty();
            }
            figures.put(i.code(), value);
            return Optional.of(TEXTS.ru("analytics.flag.clause.worst", i.name(), number(value), i.unit(), number(c.worst()), number(cutoff)));
        }
        if (c.region() != null) {
            if (values.region() == null) {
                return Optional.empty();
            }
            BigDecimal threshold = values.region().multiply(BigDecimal.valueOf(c.region())).setScale(2, java.math.RoundingMode.HALF_UP);
            if (!c.compare(value.doubleValue(), threshold.doubleValue())) {
                return Optional.empty();
            }
            figures.put(i.code(), value);
            return Optional.of(TEXTS.ru("analytics.flag.clause.region", i.name(), number(value), i.unit(), c.op(), number(threshold), number(c.region()),
                    number(values.region())));
        }
        if (!c.compare(value.doubleValue(), c.value())) {
            return Optional.empty();
        }
        figures.put(i.code(), value);
        return Optional.of(TEXTS.ru("analytics.flag.clause.value", i.name(), number(value), i.unit(), c.op(), number(c.value())));
    }

    /** A number as Russian text writes it: no trailing zeros, a decimal comma. */
    static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    static String number(double value) {
        return number(BigDecimal.valueOf(value));
    }

    /**
     * The value of the last school within the worst per cent (at least one school), worst first by the indicator's
     * direction: a school as bad as that or worse is among them, so ties at the boundary count alike.
     */
    private BigDecimal cutoff(Catalogue.Indicator indicator, IndicatorEngine.Values values, double percent) {
        return cutoffs.computeIfAbsent(indicator.code() + "/" + percent, k -> {
            Comparator<BigDecimal> worstFirst = indicator.higherIsBetter() ? Comparator.naturalOrder() : Comparator.reverseOrder();
            List<BigDecimal> sorted = values.schools().values().stream().sorted(worstFirst).toList();
            int count = Math.max(1, (int) Math.ceil(sorted.size() * percent / 100));
            return sorted.get(count - 1);
        });
    }
}
