package org.oko.platform.api.cache;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that moves on whenever the data it names changes: the token under which {@link Kept} values computed from
 * that data stay valid. Obtained from {@link Generations}, so that a change written on one node of several makes the
 * values every node kept stale (docs/scale-out.md).
 */
public interface Generation {

    /** The data's generation now; a different number than before any later {@link #advance}. */
    long current();

    /** Marks the data changed, after the change committed. */
    void advance();

    /** A generation of this process alone: one node, and the stores' unit tests. */
    static Generation local() {
        AtomicLong value = new AtomicLong();
        return new Generation() {
            @Override
            public long current() {
                return value.get();
            }

            @Override
            public void advance() {
                value.incrementAndGet();
            }
        };
    }
}
