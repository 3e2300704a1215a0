package org.oko.analytics.internal.flags;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.oko.platform.api.specs.JsonSpecType;

/**
 * The region's risk flags as data (kind {@value FlagRulesType#KIND}), evaluated in order, each with its rule:
 * <ul>
 * <li>{@code indicators}: conditions on the school's indicator values (against a number, against the region's value
 * times a factor, or among the worst per cent of the region's schools) or on its catalog card (settlement); at least
 * {@code min} of them must hold (all when absent);</li>
 * <li>{@code signs}: at least {@code min} (1 when absent) signs of the named procedure modules (ВПР, ВсОШ), optionally
 * only the sign rules listed in {@code signs};</li>
 * <li>{@code flags}: at least {@code min} (all when absent) of the flags named, each defined earlier in the file.</li>
 * </ul>
 */
public record FlagRules(String key, int version, String title, String catalogue, String source, List<Rule> rules)
        implements JsonSpecType.Checked {

    public static final String INDICATORS = "indicators";
    public static final String SIGNS = "signs";
    public static final String FLAGS = "flags";

    /** The catalog card's attributes a condition may name. */
    public static final Set<String> ATTRIBUTES = Set.of("settlement");

    public record Rule(String key, String title, String description, String kind, List<Condition> conditions, List<String> sources,
                       List<String> signs, List<String> flags, Integer min) {

        /** How many parts the rule has: conditions, flags named, or one for signs. */
        public int parts() {
            return switch (kind) {
                case INDICATORS -> conditions.size();
                case FLAGS -> flags.size();
                default -> 1;
            };
        }

        /** How many of the rule's parts must hold (signs: how many signs). */
        public int needed() {
            return min == null ? parts() : min;
        }
    }

    /**
     * One condition: {@code indicator} with {@code op} (&lt;, &lt;=, &gt;, &gt;=) against {@code value} or against the
     * region's value times {@code region}; or {@code indicator} with {@code worst} (per cent of the schools that have a
     * value, worst first by the indicator's direction); or {@code attribute} with the values {@code in}.
     */
    public record Condition(String indicator, String op, Double value, Double region, Double worst, String attribute, List<String> in) {

        boolean valid() {
            if (attribute != null) {
                return indicator == null && ATTRIBUTES.contains(attribute) && in != null && !in.isEmpty();
            }
            if (indicator == null || indicator.isBlank()) {
                return false;
            }
            if (worst != null) {
                return op == null && value == null && region == null && worst > 0 && worst <= 100;
            }
            return List.of("<", "<=", ">", ">=").contains(op) && (value == null) != (region == null) && (region == null || region > 0);
        }

        boolean compare(double left, double right) {
            return switch (op) {
                case "<" -> left < right;
                case "<=" -> left <= right;
                case ">" -> left > right;
                default -> left >= right;
            };
        }
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            problems.add(TEXTS.ru("analytics.flags.problem.key"));
        }
        if (version < 1) {
            problems.add(TEXTS.ru("analytics.catalogue.problem.version"));
        }
        if (rules == null || rules.isEmpty()) {
            problems.add(TEXTS.ru("analytics.flags.problem.no-rules"));
            return problems;
        }
        Set<String> earlier = new HashSet<>();
        for (Rule rule : rules) {
            String name = rule.key() == null ? "?" : rule.key();
            if (rule.key() == null || !rule.key().matches("[a-z0-9][a-z0-9-]{0,39}") || earlier.contains(rule.key())) {
                problems.add(TEXTS.ru("analytics.flags.problem.rule-key", name));
            }
            if (rule.title() == null || rule.title().isBlank()) {
                problems.add(TEXTS.ru("analytics.flags.problem.title", name));
            }
            if (rule.kind() == null || !List.of(INDICATORS, SIGNS, FLAGS).contains(rule.kind())) {
                problems.add(TEXTS.ru("analytics.flags.problem.kind", name));
            } else if (INDICATORS.equals(rule.kind()) && (rule.conditions() == null || rule.conditions().isEmpty()
                    || rule.conditions().stream().anyMatch(c -> c == null || !c.valid()))) {
                problems.add(TEXTS.ru("analytics.flags.problem.conditions", name));
            } else if (SIGNS.equals(rule.kind()) && (rule.sources() == null || rule.sources().isEmpty())) {
                problems.add(TEXTS.ru("analytics.flags.problem.sources", name));
            } else if (FLAGS.equals(rule.kind()) && (rule.flags() == null || rule.flags().isEmpty() || !earlier.containsAll(rule.flags()))) {
                problems.add(TEXTS.ru("analytics.flags.problem.flags", name));
            } else if (rule.min() != null && (rule.min() < 1 || rule.min() > rule.parts() && !SIGNS.equals(rule.kind()))) {
                problems.add(TEXTS.ru("analytics.flags.problem.min", name));
            }
            if (rule.key() != null) {
                earlier.add(rule.key());
            }
        }
        return problems;
    }
}
