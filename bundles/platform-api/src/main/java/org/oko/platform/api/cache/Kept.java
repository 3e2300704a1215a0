package org.oko.platform.api.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Values computed from stored data, each kept under its key while the token it was computed with still holds (the
 * store's generation, the forms' change token; null when there is none) and for at most an age; the least recently
 * used beyond a number of entries are dropped. Two threads that miss at once may both compute: the values are
 * recomputable, and no lock is held while computing. Safe for use by many threads.
 *
 * <p>For values read on a hot path from a slower service (a school's catalog facts on every save), {@link
 * #staleWhileReloading()} has one thread load a value that grew too old while the others go on with the old one.
  *
 * <pre>{@code
 * private final Kept<Integer, Counts> counts = Kept.of(Duration.ofSeconds(60), 16);
 * Counts counts(int year) throws Exception {
 *     return counts.get(year, store.generation(), () -> count(year));
 * }
 * }</pre>
 *
 * @param <K> the key (a year, a test, a spec kind)
 * @param <V> the value
 */
public final class Kept<K, V> {

    /** Computes a value afresh. */
    @FunctionalInterface
    public interface Loader<V> {
        V load() throws Exception;
    }

    /** No limit of age: kept until its token changes or it is forgotten. */
    public static final Duration UNTIL_CHANGED = Duration.ofMillis(Long.MAX_VALUE);

    private record Entry<V>(Object token, long at, V value) {
    }

    /** The longest any value is kept, whatever its own age ({@link #capAge}). */
    private static volatile long capMillis = Long.MAX_VALUE;

    /**
     * Caps the age of every kept value. The platform calls it on a database server, where other nodes may change the
     * data a token of this node cannot see (docs/scale-out.md): a change made there shows here within the cap.
     */
    public static void capAge(Duration cap) {
        capMillis = cap.toMillis();
    }

    private final long maxAgeMillis;
    private final int maxEntries;
    private final LongSupplier clock;
    private final Map<K, Entry<V>> entries;
    /** With {@link #staleWhileReloading}: the keys whose too old value one thread is loading again; else null. */
    private final Set<K> reloading;

    private Kept(Duration maxAge, int maxEntries, LongSupplier clock, boolean staleWhileReloading) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries: at least 1");
        }
        this.maxAgeMillis = maxAge.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.reloading = staleWhileReloading ? ConcurrentHashMap.newKeySet() : null;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** Values kept at most {@code maxAge} (or {@link #UNTIL_CHANGED}), at most {@code maxEntries} of them. */
    public static <K, V> Kept<K, V> of(Duration maxAge, int maxEntries) {
        return new Kept<>(maxAge, maxEntries, System::currentTimeMillis, false);
    }

    /** The same with another clock (milliseconds): for tests of what their code keeps how long. */
    public static <K, V> Kept<K, V> of(Duration maxAge, int maxEntries, LongSupplier clock) {
        return new Kept<>(maxAge, maxEntries, clock, false);
    }

    /**
     * A cache like this one (empty) whose values that grew too old are loaded again by one thread at a time while the
     * other threads asking get the old value: for a hot path that may read a value some seconds old but should not
     * have every thread wait for, and call, a slower service when it expires. A changed token is not waited out: the
     * caller loads.
     */
    public Kept<K, V> staleWhileReloading() {
        return new Kept<>(Duration.ofMillis(maxAgeMillis), maxEntries, clock, true);
    }

    /**
     * The value kept under the key if it was computed with an equal token and is young enough; otherwise the loader's,
     * then kept. A loader that throws keeps nothing.
     */
    public V get(K key, Object token, Loader<V> loader) throws Exception {
        long now = clock.getAsLong();
        Entry<V> entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        boolean sameToken = entry != null && Objects.equals(entry.token(), token);
        if (sameToken && now - entry.at() < Math.min(maxAgeMillis, capMillis)) {
            return entry.value();
        }
        if (sameToken && reloading != null && !reloading.add(key)) {
            return entry.value(); // too old, and another thread is loading it again
        }
        try {
            V value = loader.load();
            put(key, token, value, now);
            return value;
        } finally {
            if (sameToken && reloading != null) {
                reloading.remove(key);
            }
        }
    }

    /** Keeps a value computed elsewhere (one read that yields many keys' values), as {@link #get} would have. */
    public void put(K key, Object token, V value) {
        put(key, token, value, clock.getAsLong());
    }

    private void put(K key, Object token, V value, long at) {
        synchronized (entries) {
            entries.put(key, new Entry<>(token, at, value));
        }
    }

    /** Whether a value is kept under the key with an equal token and young enough for {@link #get} to return it. */
    public boolean holds(K key, Object token) {
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            return entry != null && Objects.equals(entry.token(), token) && clock.getAsLong() - entry.at() < Math.min(maxAgeMillis, capMillis);
        }
    }

    /** The value kept under the key, whatever its token and age, if any: for a caller that only wants to know. */
    public V peek(K key) {
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            return entry == null ? null : entry.value();
        }
    }

    /** Forgets the key's value: the next {@link #get} computes it. */
    public void forget(K key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }

    /** Forgets every value. */
    public void forgetAll() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
