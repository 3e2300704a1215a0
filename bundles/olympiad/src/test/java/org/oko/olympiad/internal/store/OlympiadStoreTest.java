package org.oko.olympiad.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oko.olympiad.internal.Fixtures.p;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.rules.Status;
import org.oko.tables.api.BatchWriter;

/** The store on an in-memory Derby with the module's own upgrade step: replacing, all or nothing, scores merged. */
class OlympiadStoreTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private OlympiadStore store;

    @BeforeEach
    void open() throws Exception {
        EmbeddedDataSource database = new EmbeddedDataSource();
        database.setDatabaseName("memory:olympiad-" + DATABASES.incrementAndGet());
        database.setCreateDatabase("create");
        String step;
        try (InputStream in = OlympiadStoreTest.class.getResourceAsStream("/OKO-INF/upgrade/001-olympiad.sql")) {
            step = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = database.getConnection(); Statement ddl = connection.createStatement()) {
            // The step as the platform runs it: statements end with «;» at the end of a line, «--» lines are comments.
            for (String statement : step.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    ddl.execute(statement.trim());
                }
            }
        }
        store = new OlympiadStore(database);
    }

    private OlympiadStore.Written write(List<Participation> batch, boolean commit) throws Exception {
        try (BatchWriter.Transaction<List<Participation>, OlympiadStore.Written> tx = store.begin("centre")) {
            tx.write(batch);
            return commit ? tx.commit() : null;
        }
    }

    @Test
    void aCorrectedProtocolReplacesTheSameParticipationAndKeepsTheRest() throws Exception {
        OlympiadStore.Written first = write(List.of(p(2025, "school", "math", "A", 9, "S1", "12.50"),
                p(2025, "school", "physics", "A", 9, "S1", "30", Status.WINNER)), true);
        assertEquals(new OlympiadStore.Written(2, 0), first);
        long generation = store.generation();
        OlympiadStore.Written again = write(List.of(p(2025, "school", "math", "A", 9, "S1", "14")), true);
        assertEquals(new OlympiadStore.Written(1, 1), again);
        assertTrue(store.generation() > generation, "figures kept in memory learn they are stale");
        List<Participation> stored = store.participations(2025);
        assertEquals(2, stored.size());
        Participation math = stored.stream().filter(x -> x.subject().equals("math")).findFirst().orElseThrow();
        assertEquals("14", math.score().toPlainString());
        assertEquals(Status.WINNER, stored.stream().filter(x -> x.subject().equals("physics")).findFirst().orElseThrow().fileStatus());
        assertEquals(List.of(), store.participations(2024));
    }

    @Test
    void aTransactionClosedWithoutCommitWritesNothing() throws Exception {
        write(List.of(p(2025, "school", "math", "A", 9, "S1", "12")), false);
        assertEquals(List.of(), store.participations(2025));
    }

    @Test
    void scoresAreReadAsSetAndShownAsPeopleWriteThem() throws SQLException {
        store.setScores(List.of(new Scores.Setting(2025, "school", "math", 9, Scores.REGION, new BigDecimal("100.00"), new BigDecimal("45.50"),
                "centre", Instant.parse("2025-09-01T10:00:00Z"))));
        Scores scores = store.scores(2025);
        assertEquals("100", scores.max("school", "math", 9, "T1").orElseThrow().toPlainString());
        assertEquals("45.5", scores.passing("school", "math", 9, null).orElseThrow().toPlainString());
        assertEquals("centre", scores.all().get(0).setBy());
    }
}
