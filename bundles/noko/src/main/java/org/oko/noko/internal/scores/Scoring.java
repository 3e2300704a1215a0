package org.oko.noko.internal.scores;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oko.noko.internal.method.Method;

/**
 * An organisation's scores by the method: each indicator from the operator's checks or the respondents'
 * answers, each criterion as the weighted sum of its indicators, and the organisation's score as the mean of
 * the criteria. An indicator that cannot be computed (nobody asked its question, e.g. no respondent with a
 * disability) is left out and the criterion's other weights count in its stead — a decision written in
 * docs/noko.md. Pure.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * @param respondents the answers, each yes (true) or no (false) by question; a question not asked is absent
     * @param present     the checklists' items the operator found present
     * @param reliable    whether the organisation had at least the minimum number of respondents
     */
    public record Result(String organisation, int respondents, boolean reliable, Map<String, BigDecimal> indicators,
                         Map<String, BigDecimal> criteria, BigDecimal total, String band) {
    }

    public static Result score(Method method, String organisation, List<Map<String, Boolean>> respondents, Set<String> present, int minRespondents) {
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        Map<String, BigDecimal> criteria = new LinkedHashMap<>();
        double sum = 0;
        int counted = 0;
        for (Method.Criterion criterion : method.criteria()) {
            double weighted = 0;
            double weights = 0;
            for (Method.Indicator indicator : criterion.indicators()) {
                Double value = indicator(method, indicator, respondents, present);
                indicators.put(indicator.code(), value == null ? null : round(value));
                if (value != null) {
                    weighted += indicator.weight() * value;
                    weights += indicator.weight();
                }
            }
            Double value = weights == 0 ? null : weighted / weights;
            criteria.put(criterion.code(), value == null ? null : round(value));
            if (value != null) {
                sum += value;
                counted++;
            }
        }
        BigDecimal total = counted == 0 ? null : round(sum / counted);
        return new Result(organisation, respondents.size(), respondents.size() >= minRespondents, indicators, criteria, total,
                total == null ? "" : method.band(total.doubleValue()));
    }

    /** One indicator's value 0–100, null when it cannot be computed. */
    static Double indicator(Method method, Method.Indicator indicator, List<Map<String, Boolean>> respondents, Set<String> present) {
        switch (indicator.kind()) {
            case Method.SHARE_PRESENT: {
                double shares = 0;
                for (String list : indicator.checklists()) {
                    List<Method.Item> items = method.checklist(list).orElseThrow().items();
                    shares += items.stream().filter(i -> present.contains(i.code())).count() / (double) items.size();
                }
                return 100 * shares / indicator.checklists().size();
            }
            case Method.POINTS: {
                long found = indicator.checklists().stream().flatMap(l -> method.checklist(l).orElseThrow().items().stream())
                        .filter(i -> present.contains(i.code())).count();
                return Math.min(100.0, indicator.points() * (double) found);
            }
            default: {
                double shares = 0;
                int parts = 0;
                for (Method.Part part : indicator.parts()) {
                    // Everyone, or those who answered yes to the question that opens this one (they used the stands, the site…).
                    long asked = respondents.stream().filter(r -> part.of() == null || Boolean.TRUE.equals(r.get(part.of()))).count();
                    if (asked == 0) {
                        continue;
                    }
                    long yes = respondents.stream().filter(r -> (part.of() == null || Boolean.TRUE.equals(r.get(part.of())))
                            && Boolean.TRUE.equals(r.get(part.yes()))).count();
                    shares += yes / (double) asked;
                    parts++;
                }
                return parts == 0 ? null : 100 * shares / parts;
            }
        }
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
