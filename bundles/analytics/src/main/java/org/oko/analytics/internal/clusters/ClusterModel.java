package org.oko.analytics.internal.clusters;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.oko.platform.api.specs.JsonSpecType;

/**
 * The region's cluster model as data (kind {@value ClusterModelType#KIND}): which indicators it uses and their weights,
 * and how schools are assigned — by rules (thresholds on named indicators, the first cluster whose rules all hold; a
 * cluster without rules takes the rest), or by k-means++ on the standardised, weighted indicators with a fixed seed,
 * so that the same data always gives the same clusters.
 */
public record ClusterModel(String key, int version, String title, String method, List<Weighted> indicators, List<Cluster> clusters, Integer k,
                           Long seed) implements JsonSpecType.Checked {

    public static final String RULES = "rules";
    public static final String KMEANS = "kmeans";

    public record Weighted(String code, double weight) {
    }

    /** A threshold on an indicator: the value at least {@code min} and at most {@code max} (either may be absent). */
    public record Rule(String indicator, Double min, Double max) {

        public boolean holds(Double value) {
            return value != null && (min == null || value >= min) && (max == null || value <= max);
        }
    }

    public record Cluster(String code, String name, List<Rule> rules) {
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            problems.add(TEXTS.ru("analytics.clusters.problem.key"));
        }
        if (indicators == null || indicators.isEmpty() || indicators.stream().anyMatch(w -> w.code() == null || !(w.weight() > 0))) {
            problems.add(TEXTS.ru("analytics.clusters.problem.indicators"));
        }
        if (RULES.equals(method)) {
            Set<String> codes = new HashSet<>();
            if (clusters == null || clusters.isEmpty() || clusters.stream().anyMatch(c -> c.code() == null || !codes.add(c.code()))) {
                problems.add(TEXTS.ru("analytics.clusters.problem.clusters"));
            }
        } else if (KMEANS.equals(method)) {
            if (k == null || k < 2 || k > 20) {
                problems.add(TEXTS.ru("analytics.clusters.problem.k"));
            }
        } else {
            problems.add(TEXTS.ru("analytics.clusters.problem.method"));
        }
        return problems;
    }
}
