package org.oko.forms.internal.submission;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.persistence.PersistenceException;

import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;

/**
 * The threads of the saves that the writer did not write (a claim that found its row moved on) when their caller
 * does not wait for them (the REST save): the writer's thread must not wait for row locks. Few threads, as such
 * saves are rare and go one by one per submission anyway; none kept while there are none.
 */
final class LockedSaves implements AutoCloseable {

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
        Thread thread = new Thread(work, "oko-locked-save");
        thread.setDaemon(true);
        return thread;
    });

    LockedSaves() {
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code save} as {@code caller} on one of these threads, its outcome into {@code answer}. */
    <T> void run(Caller caller, Supplier<T> save, CompletableFuture<T> answer) {
        try {
            pool.execute(() -> {
                try {
                    answer.complete(CallerContext.callAs(caller, save::get));
                } catch (Throwable e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException stopped) {
            answer.completeExceptionally(new PersistenceException("the submissions service stopped", stopped));
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
