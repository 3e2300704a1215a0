package org.oko.vpr.internal.importer;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Result;
import org.oko.vpr.internal.store.ImportTransaction;
import org.oko.vpr.internal.store.ResultStore;

/**
 * The writing half of an import on a thread of its own: batches handed over through a small
 * bounded queue go into one {@link ImportTransaction}, so parsing and Derby's writes overlap and at
 * most a few batches wait in memory (the reader waits when the writer is behind). {@link #commit()}
 * commits after the last batch; {@link #close()} without it rolls everything back.
 */
final class BatchWriter implements AutoCloseable {

    /** The works of one batch, after deleting the stored works of {@code replace} (replace mode). */
    record Batch(List<String> replace, List<Result> results) {
    }

    private static final Batch COMMIT = new Batch(List.of(), List.of());
    private static final Batch ROLL_BACK = new Batch(List.of(), List.of());

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    private final Future<ResultStore.Written> written;
    private boolean finished;

    /** @param progress told the number of works written after each batch */
    BatchWriter(ExecutorService thread, ResultStore store, TestSpec spec, String fileName, String actor,
                LongConsumer progress) {
        written = thread.submit(() -> {
            try (ImportTransaction transaction = store.begin(spec, fileName, actor)) {
                for (Batch batch = queue.take(); batch != COMMIT; batch = queue.take()) {
                    if (batch == ROLL_BACK) {
                        return null; // closing the transaction rolls it back
                    }
                    transaction.replace(batch.replace());
                    transaction.insert(batch.results());
                    progress.accept(transaction.works());
                }
                return transaction.commit();
            }
        });
    }

    /** Waits while the queue is full; once the writer has failed, batches are dropped ({@link #commit()} reports why). */
    void write(Batch batch) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (written.isDone()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Загрузка прервана / the import was interrupted", e);
        }
    }

    /** Commits once every batch is written; the writer's failure, if any, is thrown here. */
    ResultStore.Written commit() throws Exception {
        write(COMMIT);
        finished = true;
        try {
            return written.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Rolls back unless committed, and waits until the writer has let the transaction go. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        queue.clear(); // what is still waiting will never be written; this makes room for the order
        queue.offer(ROLL_BACK);
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the writer failed: its transaction is rolled back already, and the import reports the cause elsewhere
        }
    }
}
