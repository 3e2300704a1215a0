package org.oko.forms.internal.submission;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Ids of the rows a save writes, from EclipseLink's sequences — the same ones its own inserts take —
 * fetched a block at a time by one thread while the others wait on a plain lock. EclipseLink guards its
 * sequences with a lock whose waiters wake on a timer to look for deadlocks; with every save taking an
 * id, that lock cost a save more than its whole view (docs/performance.md, fourth step).
 */
final class Ids {

    /** Ids fetched at once; gaps of up to this many are left when the platform stops. */
    static final int BLOCK = 64;

    private final ToLongFunction<Class<?>> sequence;
    private final Map<Class<?>, Block> blocks = new ConcurrentHashMap<>();

    /** {@code sequence}: the next id of an entity's table, one at a time (EclipseLink's session). */
    Ids(ToLongFunction<Class<?>> sequence) {
        this.sequence = sequence;
    }

    /** The next id of an entity's table. */
    long next(Class<?> entity) {
        return blocks.computeIfAbsent(entity, Block::new).next();
    }

    private final class Block {
        private final Class<?> entity;
        private final long[] ids = new long[BLOCK];
        private int taken = BLOCK;

        Block(Class<?> entity) {
            this.entity = entity;
        }

        synchronized long next() {
            if (taken == BLOCK) {
                for (int i = 0; i < BLOCK; i++) {
                    ids[i] = sequence.applyAsLong(entity);
                }
                taken = 0;
            }
            return ids[taken++];
        }
    }
}
