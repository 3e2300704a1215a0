package org.oko.analytics.internal.clusters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Schools assigned to the model's clusters, each with why: the rules it met, or its values beside its cluster's centre.
 * k-means++ is Apache Commons Math's, on each indicator standardised over the schools (z-scores) and multiplied by its
 * weight, seeded so that the same data gives the same clusters; the clusters are then numbered by their centres'
 * weighted sum, the highest first, so that «1» means the same from one run to the next. Pure.
 */
public final class Clusterer {

    private Clusterer() {
    }

    /**
     * @param cluster the cluster's code ("" when no cluster took the school: a rule-based model without a catch-all,
     *                or an indicator missing for k-means)
     * @param values  the school's values of the model's indicators
     * @param against what they are held against: the rules' bounds ("≥ 40") or the cluster centre's values
     */
    public record Assignment(String school, String cluster, String name, Map<String, BigDecimal> values, Map<String, String> against) {
    }

    /** @param values school → indicator → value (null or absent when the school has none) */
    public static Map<String, Assignment> assign(ClusterModel model, Map<String, Map<String, BigDecimal>> values) {
        return ClusterModel.RULES.equals(model.method()) ? rules(model, values) : kmeans(model, values);
    }

    static Map<String, Assignment> rules(ClusterModel model, Map<String, Map<String, BigDecimal>> values) {
        Map<String, Assignment> all = new TreeMap<>();
        values.forEach((school, own) -> {
            Map<String, BigDecimal> used = used(model, own);
            for (ClusterModel.Cluster cluster : model.clusters()) {
                List<ClusterModel.Rule> rules = cluster.rules() == null ? List.of() : cluster.rules();
                if (rules.stream().allMatch(r -> r.holds(own.get(r.indicator()) == null ? null : own.get(r.indicator()).doubleValue()))) {
                    Map<String, String> against = new LinkedHashMap<>();
                    rules.forEach(r -> against.put(r.indicator(), bounds(r)));
                    all.put(school, new Assignment(school, cluster.code(), cluster.name(), used, against));
                    return;
                }
            }
            all.put(school, new Assignment(school, "", "", used, Map.of()));
        });
        return all;
    }

    static Map<String, Assignment> kmeans(ClusterModel model, Map<String, Map<String, BigDecimal>> values) {
        List<String> codes = model.indicators().stream().map(ClusterModel.Weighted::code).toList();
        List<String> schools = new ArrayList<>();
        List<double[]> raw = new ArrayList<>();
        new TreeMap<>(values).forEach((school, own) -> {
            if (codes.stream().allMatch(c -> own.get(c) != null)) {
                schools.add(school);
                raw.add(codes.stream().mapToDouble(c -> own.get(c).doubleValue()).toArray());
            }
        });
        Map<String, Assignment> all = new TreeMap<>();
        values.forEach((school, own) -> all.put(school, new Assignment(school, "", "", used(model, own), Map.of())));
        int k = Math.min(model.k(), schools.size());
        if (k < 1) {
            return all;
        }
        double[] mean = new double[codes.size()];
        double[] sd = new double[codes.size()];
        for (int j = 0; j < codes.size(); j++) {
            for (double[] r : raw) {
                mean[j] += r[j] / raw.size();
            }
            for (double[] r : raw) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / raw.size();
            }
            sd[j] = Math.sqrt(sd[j]);
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            double[] z = new double[codes.size()];
            for (int j = 0; j < codes.size(); j++) {
                z[j] = (sd[j] == 0 ? 0 : (raw.get(i)[j] - mean[j]) / sd[j]) * model.indicators().get(j).weight();
            }
            points.add(new Point(i, z));
        }
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(model.seed() == null ? 1L : model.seed());
        List<CentroidCluster<Point>> clusters = new KMeansPlusPlusClusterer<Point>(k, 200, new EuclideanDistance(), random).cluster(points);
        clusters.sort(Comparator.comparingDouble((CentroidCluster<Point> c) -> -sum(c.getCenter().getPoint()))
                .thenComparingInt(c -> c.getPoints().stream().mapToInt(Point::index).min().orElse(0)));
        for (int n = 0; n < clusters.size(); n++) {
            List<Point> members = clusters.get(n).getPoints();
            Map<String, String> centre = new LinkedHashMap<>();
            for (int j = 0; j < codes.size(); j++) {
                int column = j;
                double average = members.stream().mapToDouble(p -> raw.get(p.index())[column]).average().orElse(0);
                centre.put(codes.get(j), BigDecimal.valueOf(average).setScale(2, RoundingMode.HALF_UP).toPlainString());
            }
            String code = String.valueOf(n + 1);
            for (Point p : members) {
                String school = schools.get(p.index());
                all.put(school, new Assignment(school, code, code, all.get(school).values(), centre));
            }
        }
        return all;
    }

    private static Map<String, BigDecimal> used(ClusterModel model, Map<String, BigDecimal> own) {
        Map<String, BigDecimal> used = new LinkedHashMap<>();
        model.indicators().forEach(w -> used.put(w.code(), own.get(w.code())));
        return used;
    }

    private static String bounds(ClusterModel.Rule r) {
        return r.min() != null && r.max() != null ? "[" + r.min() + "; " + r.max() + "]" : r.min() != null ? "≥ " + r.min() : "≤ " + r.max();
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    /** A school as Commons Math clusters it: its row and its standardised, weighted values. */
    record Point(int index, double[] values) implements Clusterable {
        @Override
        public double[] getPoint() {
            return values;
        }
    }
}
