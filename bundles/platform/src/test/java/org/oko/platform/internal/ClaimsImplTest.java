package org.oko.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/** Claims of two "nodes" on one real (in-memory) Derby database. */
class ClaimsImplTest {

    /** A new database with the platform's tables, made by its own change log as the platform makes them. */
    private static EmbeddedDataSource database(String name) throws Exception {
        EmbeddedDataSource source = new EmbeddedDataSource();
        source.setDatabaseName("memory:" + name);
        source.setCreateDatabase("create");
        SchemaFixture.migrate(source, "OKO-INF/db/changelog.xml");
        return source;
    }

    @Test
    void aClaimKeepsOtherNodesOutForItsHoldThenLetsOneIn() throws Exception {
        EmbeddedDataSource db = database("claims-hold");
        ClaimsImpl one = new ClaimsImpl(db, "node-1");
        ClaimsImpl two = new ClaimsImpl(db, "node-2");
        AtomicInteger runs = new AtomicInteger();

        assertTrue(one.runClaimed("job", Duration.ofMinutes(10), runs::incrementAndGet));
        assertFalse(two.runClaimed("job", Duration.ofMinutes(10), runs::incrementAndGet), "held for ten minutes after the start");
        assertFalse(one.runClaimed("job", Duration.ofMinutes(10), runs::incrementAndGet), "by its own node too");
        assertTrue(two.runClaimed("other", Duration.ofMinutes(10), runs::incrementAndGet), "claims are per name");
        assertEquals(2, runs.get());

        // A hold that ran out (a node died holding it, or its time passed) is taken over.
        Instant past = Instant.now().minusSeconds(120);
        assertTrue(one.claim("stale", past, past.plusSeconds(60)));
        assertTrue(two.runClaimed("stale", Duration.ofMinutes(1), runs::incrementAndGet));
        assertEquals(3, runs.get());
    }

    @Test
    void nodesFiringTogetherRunTheWorkOnce() throws Exception {
        EmbeddedDataSource db = database("claims-race");
        int nodes = 8;
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                ClaimsImpl node = new ClaimsImpl(db, "node-" + n);
                Callable<Boolean> fire = () -> {
                    go.await();
                    return node.runClaimed("reminders", Duration.ofMinutes(10), runs::incrementAndGet);
                };
                answers.add(pool.submit(fire));
            }
            go.countDown();
            int ran = 0;
            for (Future<Boolean> answer : answers) {
                ran += answer.get() ? 1 : 0;
            }
            assertEquals(1, ran, "one node ran it");
            assertEquals(1, runs.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedWorkStillHoldsItsClaim() throws Exception {
        ClaimsImpl node = new ClaimsImpl(database("claims-failure"), "node-1");
        assertThrows(IllegalStateException.class, () -> node.runClaimed("job", Duration.ofMinutes(5), () -> {
            throw new IllegalStateException("broken");
        }));
        assertFalse(node.runClaimed("job", Duration.ofMinutes(5), () -> { }), "not run again at once after a failure");
    }
}
