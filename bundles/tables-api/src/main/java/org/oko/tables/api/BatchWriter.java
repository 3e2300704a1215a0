package org.oko.tables.api;

import static org.oko.tables.api.internal.TablesApiTexts.TEXTS;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.oko.platform.api.rest.ApiException;

/**
 * The writing half of an import on a thread of its own: batches handed over through a small bounded
 * queue go into one {@link Transaction}, so reading the file and the database's writes overlap and at
 * most a few batches wait in memory (the reader waits when the writer is behind). {@link #commit()}
 * commits after the last batch; {@link #close()} without it rolls everything back — the file is in
 * entirely or not at all. Pair it with {@link TableImport}: write the rows it accepts, commit when it
 * reports no problem.
 *
 * @param <B> a batch of rows as the module stores them
 * @param <R> what the commit answers (counts, the import's id)
 */
public final class BatchWriter<B, R> implements AutoCloseable {

    /** One import's transaction, opened and used on the writer's thread only. */
    public interface Transaction<B, R> extends AutoCloseable {
        void write(B batch) throws Exception;

        R commit() throws Exception;

        /** Rolls back unless committed. */
        @Override
        void close() throws Exception;
    }

    private static final Object COMMIT = new Object();
    private static final Object ROLL_BACK = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
    private final Future<R> written;
    private boolean finished;

    /**
     * @param thread the writer's thread (a single-thread executor the module owns)
     * @param open   opens the transaction on that thread
     */
    public BatchWriter(ExecutorService thread, Callable<? extends Transaction<B, R>> open) {
        written = thread.submit(() -> {
            try (Transaction<B, R> transaction = open.call()) {
                for (Object next = queue.take(); next != COMMIT; next = queue.take()) {
                    if (next == ROLL_BACK) {
                        return null; // closing the transaction rolls it back
                    }
                    @SuppressWarnings("unchecked")
                    B batch = (B) next;
                    transaction.write(batch);
                }
                return transaction.commit();
            }
        });
    }

    /** Waits while the queue is full; once the writer has failed, batches are dropped ({@link #commit()} reports why). */
    public void write(B batch) {
        offer(batch);
    }

    /** Commits once every batch is written; the writer's failure, if any, is thrown here. */
    public R commit() throws Exception {
        offer(COMMIT);
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

    private void offer(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (written.isDone()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiException.Kind.INTERNAL, "table.import-interrupted", TEXTS.text("table.import-interrupted"), e);
        }
    }
}
