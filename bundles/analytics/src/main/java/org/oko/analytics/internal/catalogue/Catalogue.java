package org.oko.analytics.internal.catalogue;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.oko.analytics.internal.engine.Formula;
import org.oko.platform.api.specs.JsonSpecType;

/**
 * The region's indicator catalogue as data (kind {@value CatalogueType#KIND}): each indicator's formula over named
 * inputs (fields of the МИАС forms, "miac-5.teachers_total" or a cell "miac-1.by_grade.pupils[5]"), its unit, its
 * direction (higher or lower is better), how territories and the region aggregate it, and its theme (the federal
 * list's, order № 955). A region edits it without Java by publishing a newer version.
 *
 * @param periods the period of each form's submissions for a year, "{year}" replaced ("miac-1": "{year}-2"); "{year}"
 *                for a form not named
 */
public record Catalogue(String key, int version, String title, String source, Map<String, String> periods, List<Indicator> indicators)
        implements JsonSpecType.Checked {

    /**
     * @param aggregate "sum": a territory's and the region's value is the formula over the inputs summed over their
     *                  schools (shares stay shares of the whole); "mean": the mean of the schools' values
     */
    public record Indicator(String code, String name, String theme, String unit, String direction, String aggregate,
                            Map<String, String> inputs, String formula) {

        public boolean higherIsBetter() {
            return !"lower".equals(direction);
        }
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The period of a form's submissions for a year. */
    public String period(String formId, int year) {
        String pattern = periods == null ? null : periods.get(formId);
        return (pattern == null ? "{year}" : pattern).replace("{year}", String.valueOf(year));
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            problems.add(TEXTS.ru("analytics.catalogue.problem.key"));
        }
        if (version < 1) {
            problems.add(TEXTS.ru("analytics.catalogue.problem.version"));
        }
        if (indicators == null || indicators.isEmpty()) {
            problems.add(TEXTS.ru("analytics.catalogue.problem.no-indicators"));
            return problems;
        }
        Set<String> codes = new HashSet<>();
        for (Indicator i : indicators) {
            String at = "indicators[" + i.code() + "]";
            if (i.code() == null || !i.code().matches("[A-Za-z][A-Za-z0-9_.-]{0,19}") || !codes.add(i.code())) {
                problems.add(TEXTS.ru("analytics.catalogue.problem.code", at));
            }
            if (i.name() == null || i.name().isBlank()) {
                problems.add(TEXTS.ru("analytics.catalogue.problem.name", at));
            }
            if (!"higher".equals(i.direction()) && !"lower".equals(i.direction())) {
                problems.add(TEXTS.ru("analytics.catalogue.problem.direction", at));
            }
            if (!"sum".equals(i.aggregate()) && !"mean".equals(i.aggregate())) {
                problems.add(TEXTS.ru("analytics.catalogue.problem.aggregate", at));
            }
            if (i.inputs() == null || i.inputs().isEmpty() || i.inputs().values().stream().anyMatch(v -> v == null || !v.matches("[a-z0-9-]+\\..+"))
                    || i.inputs().keySet().stream().anyMatch(n -> !n.matches("[a-z][a-z0-9_]{0,29}"))) {
                problems.add(TEXTS.ru("analytics.catalogue.problem.inputs", at));
                continue;
            }
            Formula.problem(i.formula(), i.inputs().keySet()).ifPresent(p -> problems.add(TEXTS.ru("analytics.catalogue.problem.formula", at, p)));
        }
        return problems;
    }
}
