package org.oko.forms.internal.submission;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Saves of one submission wait their turn here, first come first served, before they open a
 * transaction: a waiting save holds no connection and no database lock, and the database's row lock
 * (which still decides between nodes) is then rarely contended. Submissions share a lock only when
 * their ids fall on the same stripe, so that there is no lock for the whole platform.
 */
final class SaveQueue {

    private static final int STRIPES = 1024; // a power of two

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    SaveQueue() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    /** Runs the save of a submission after the saves of it that came before. */
    <T> T inTurn(long submissionId, Supplier<T> save) {
        ReentrantLock lock = locks[Long.hashCode(submissionId * 0x9E3779B97F4A7C15L) & (STRIPES - 1)];
        lock.lock();
        try {
            return save.get();
        } finally {
            lock.unlock();
        }
    }
}
