package org.oko.tables.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchWriterTest {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    /** A transaction that keeps what it was given and whether it committed or rolled back. */
    static final class Recorded implements BatchWriter.Transaction<List<Integer>, Integer> {
        final List<Integer> rows = new ArrayList<>();
        volatile boolean committed;
        volatile boolean closed;
        volatile String writerThread;
        int failAt = -1;

        @Override
        public void write(List<Integer> batch) {
            writerThread = Thread.currentThread().getName();
            if (rows.size() + batch.size() > failAt && failAt >= 0) {
                throw new IllegalStateException("disk full");
            }
            rows.addAll(batch);
        }

        @Override
        public Integer commit() {
            committed = true;
            return rows.size();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void batchesGoInOrderIntoOneTransactionOnTheWritersThreadAndCommit() throws Exception {
        Recorded transaction = new Recorded();
        try (BatchWriter<List<Integer>, Integer> writer = new BatchWriter<>(thread, () -> transaction)) {
            for (int i = 0; i < 50; i++) {
                writer.write(List.of(2 * i, 2 * i + 1));
            }
            assertEquals(100, writer.commit());
        }
        assertEquals(100, transaction.rows.size());
        assertEquals(99, transaction.rows.get(99));
        assertTrue(transaction.committed && transaction.closed);
        assertFalse(Thread.currentThread().getName().equals(transaction.writerThread));
    }

    @Test
    void closedWithoutCommitItRollsBack() {
        Recorded transaction = new Recorded();
        try (BatchWriter<List<Integer>, Integer> writer = new BatchWriter<>(thread, () -> transaction)) {
            writer.write(List.of(1));
        }
        assertFalse(transaction.committed);
        assertTrue(transaction.closed);
    }

    @Test
    void theWritersFailureIsTheCommitsAndLaterBatchesAreDropped() {
        Recorded transaction = new Recorded();
        transaction.failAt = 3;
        IllegalStateException failure;
        try (BatchWriter<List<Integer>, Integer> writer = new BatchWriter<>(thread, () -> transaction)) {
            for (int i = 0; i < 20; i++) {
                writer.write(List.of(i)); // does not block once the writer has failed
            }
            failure = assertThrows(IllegalStateException.class, writer::commit);
        }
        assertEquals("disk full", failure.getMessage());
        assertFalse(transaction.committed);
        assertTrue(transaction.closed);
        assertSame(3, transaction.rows.size());
    }
}
