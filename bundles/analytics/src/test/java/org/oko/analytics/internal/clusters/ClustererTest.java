package org.oko.analytics.internal.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Rule-based assignments against a hand-worked result, and k-means stable and as the data's groups are. */
class ClustererTest {

    private static Map<String, BigDecimal> values(Object... pairs) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1] == null ? null : new BigDecimal(pairs[i + 1].toString()));
        }
        return values;
    }

    @Test
    void rulesTakeTheFirstClusterWhoseThresholdsAllHold() {
        ClusterModel model = new ClusterModel("m", 1, "", ClusterModel.RULES, List.of(new ClusterModel.Weighted("I3", 1), new ClusterModel.Weighted("I7", 1)),
                List.of(new ClusterModel.Cluster("A", "Высокие условия", List.of(new ClusterModel.Rule("I3", 40.0, null), new ClusterModel.Rule("I7", 60.0, null))),
                        new ClusterModel.Cluster("B", "Средние условия", List.of(new ClusterModel.Rule("I3", 25.0, null))),
                        new ClusterModel.Cluster("C", "Остальные", List.of())), null, null);
        Map<String, Map<String, BigDecimal>> schools = new TreeMap<>();
        schools.put("S1", values("I3", 25, "I7", 100)); // not A (25 < 40), B on the threshold itself
        schools.put("S2", values("I3", 50, "I7", 50));  // not A (50 < 60): B
        schools.put("S3", values("I3", 40, "I7", 70));  // A
        schools.put("S4", values("I3", 10, "I7", 90));  // C
        schools.put("S5", values("I7", 90));            // no I3: no threshold holds, C takes the rest
        Map<String, Clusterer.Assignment> assigned = Clusterer.assign(model, schools);
        assertEquals(List.of("B", "B", "A", "C", "C"), assigned.values().stream().map(Clusterer.Assignment::cluster).toList());
        assertEquals(Map.of("I3", "≥ 40.0", "I7", "≥ 60.0"), assigned.get("S3").against(), "why A: the rules it met");
        assertEquals(new BigDecimal("40"), assigned.get("S3").values().get("I3"));
    }

    /** Twelve schools in three plain groups on two indicators: around 90, 50 and 10. */
    private static Map<String, Map<String, BigDecimal>> groups() {
        Map<String, Map<String, BigDecimal>> schools = new TreeMap<>();
        int[][] around = {{90, 88}, {50, 52}, {10, 12}};
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < 4; i++) {
                schools.put("G" + g + "S" + i, values("I1", around[g][0] + i, "I2", around[g][1] - i));
            }
        }
        schools.put("X", values("I1", 70)); // no I2: not clustered
        return schools;
    }

    @Test
    void kMeansFindsTheGroupsNumbersThemFromTheHighestAndGivesTheSameClustersAgain() {
        ClusterModel model = new ClusterModel("k", 1, "", ClusterModel.KMEANS, List.of(new ClusterModel.Weighted("I1", 1), new ClusterModel.Weighted("I2", 2)),
                null, 3, 2026L);
        Map<String, Clusterer.Assignment> first = Clusterer.assign(model, groups());
        for (int i = 0; i < 4; i++) {
            assertEquals("1", first.get("G0S" + i).cluster(), "around 90: the highest centre");
            assertEquals("2", first.get("G1S" + i).cluster());
            assertEquals("3", first.get("G2S" + i).cluster());
        }
        assertEquals("", first.get("X").cluster());
        assertEquals("91.50", first.get("G0S0").against().get("I1"), "the cluster centre's mean: (90 + 91 + 92 + 93) / 4");
        for (int run = 0; run < 5; run++) {
            Map<String, Clusterer.Assignment> again = Clusterer.assign(model, groups());
            assertEquals(first.values().stream().map(Clusterer.Assignment::cluster).toList(),
                    again.values().stream().map(Clusterer.Assignment::cluster).toList(), "same data, same clusters");
        }
    }
}
