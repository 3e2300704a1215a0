package org.oko.analytics.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/** The store on an in-memory Derby with the bundle's own upgrade step: targets replaced per level, clusters kept per year. */
class AnalyticsStoreTest {

    @Test
    void targetsAndClustersAreKeptAndReplaced() throws Exception {
        EmbeddedDataSource database = new EmbeddedDataSource();
        database.setDatabaseName("memory:analytics-store");
        database.setCreateDatabase("create");
        String step;
        try (InputStream in = AnalyticsStoreTest.class.getResourceAsStream("/OKO-INF/upgrade/001-analytics.sql")) {
            step = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = database.getConnection(); Statement ddl = connection.createStatement()) {
            for (String statement : step.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    ddl.execute(statement.trim());
                }
            }
        }
        AnalyticsStore store = new AnalyticsStore(database);
        Instant now = Instant.now();
        store.setTargets("region", List.of(new AnalyticsStore.Target("B02", 2026, "region", "", new BigDecimal("20"), new BigDecimal("30"), "c", now),
                new AnalyticsStore.Target("B02", 2026, "school", "*", null, new BigDecimal("25"), "c", now)));
        store.setTargets("region", List.of(new AnalyticsStore.Target("B02", 2026, "region", "", new BigDecimal("20"), new BigDecimal("35"), "c", now)));
        List<AnalyticsStore.Target> targets = store.targets("region", 2026);
        assertEquals(2, targets.size());
        assertEquals(0, new BigDecimal("35").compareTo(targets.stream().filter(t -> t.kind().equals("region")).findFirst().orElseThrow().target()));
        store.keepClusters("conditions", 1, 2026, Map.of("S1", "A", "S2", "C"), "c");
        store.keepClusters("conditions", 1, 2026, Map.of("S1", "B"), "c");
        assertEquals(Map.of("S1", "B"), store.clusters("conditions", 2026));
        assertEquals(Map.of(), store.clusters("conditions", 2025));
    }
}
