package org.oko.forms.internal.submission;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.oko.forms.internal.submission.Snapshot.StoredValue;
import org.oko.forms.internal.submission.SubmissionService.ValueView;

/**
 * A snapshot's values as the view shows them, made when read: a save answers only the values it saved
 * ({@code Prefer: return=minimal}), so that building a view entry for each of a form's hundreds of values on
 * every save would be work for nothing. Keys a calculator fills are left out (their typed value waits in the
 * database). Read-only, in the snapshot's key order.
 */
final class ValueViews extends AbstractMap<String, ValueView> {

    private final Map<String, StoredValue> stored;
    private final Set<String> left;
    private final EntrySet entries = new EntrySet();

    /** {@code stored}: the snapshot's values (never changed); {@code leftOut}: the keys not shown. */
    ValueViews(Map<String, StoredValue> stored, Set<String> leftOut) {
        this.stored = stored;
        this.left = leftOut;
    }

    private static ValueView view(StoredValue value) {
        return new ValueView(value.raw(), value.revision(), value.changedBy(), value.changedAt());
    }

    @Override
    public ValueView get(Object key) {
        // A null key is absent: the snapshot's TreeMap would refuse it.
        StoredValue value = key == null || left.contains(key) ? null : stored.get(key);
        return value == null ? null : view(value);
    }

    @Override
    public boolean containsKey(Object key) {
        return key != null && !left.contains(key) && stored.containsKey(key);
    }

    @Override
    public Set<Entry<String, ValueView>> entrySet() {
        return entries;
    }

    private final class EntrySet extends AbstractSet<Entry<String, ValueView>> {

        @Override
        public int size() {
            if (left.isEmpty()) {
                return stored.size();
            }
            int size = 0;
            for (String key : stored.keySet()) {
                size += left.contains(key) ? 0 : 1;
            }
            return size;
        }

        @Override
        public Iterator<Entry<String, ValueView>> iterator() {
            Iterator<Entry<String, StoredValue>> all = stored.entrySet().iterator();
            return new Iterator<>() {
                private Entry<String, StoredValue> next = advance();

                private Entry<String, StoredValue> advance() {
                    while (all.hasNext()) {
                        Entry<String, StoredValue> entry = all.next();
                        if (!left.contains(entry.getKey())) {
                            return entry;
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Entry<String, ValueView> next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Entry<String, StoredValue> entry = next;
                    next = advance();
                    return new SimpleImmutableEntry<>(entry.getKey(), view(entry.getValue()));
                }
            };
        }
    }
}
