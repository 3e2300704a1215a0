package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.oko.forms.internal.submission.Snapshot.StoredValue;
import org.oko.forms.internal.submission.SubmissionService.ValueView;

/** A snapshot's values shown as the view shows them, made when read: the same map as one built entry by entry. */
class ValueViewsTest {

    private static final Instant AT = Instant.parse("2026-12-06T03:00:00Z");

    private static StoredValue stored(long id, Object raw, int revision) {
        return new StoredValue(id, String.valueOf(raw), raw, raw, revision, "school", AT);
    }

    private final Map<String, StoredValue> stored = new TreeMap<>(Map.of("total", stored(1, 10, 2), "part", stored(2, 4, 1),
            "obs.v[a]", stored(3, 7, 5)));

    @Test
    void showsEveryValueInTheSnapshotsOrder() {
        Map<String, ValueView> views = new ValueViews(stored, Set.of());
        Map<String, ValueView> built = new LinkedHashMap<>();
        stored.forEach((key, value) -> built.put(key, new ValueView(value.raw(), value.revision(), value.changedBy(), value.changedAt())));
        assertEquals(built, views);
        assertEquals(List.of("obs.v[a]", "part", "total"), new ArrayList<>(views.keySet()));
        assertEquals(new ValueView(10, 2, "school", AT), views.get("total"));
        assertNull(views.get("absent"));
        assertNull(views.get(null));
        assertFalse(views.containsKey(null));
    }

    @Test
    void leavesOutTheKeysACalculatorFills() {
        Map<String, ValueView> views = new ValueViews(stored, Set.of("part", "absent"));
        assertEquals(2, views.size());
        assertEquals(List.of("obs.v[a]", "total"), new ArrayList<>(views.keySet()));
        assertNull(views.get("part"));
        assertFalse(views.containsKey("part"));
        assertTrue(views.containsKey("total"));
    }

    @Test
    void isReadOnly() {
        Map<String, ValueView> views = new ValueViews(stored, Set.of());
        assertThrows(UnsupportedOperationException.class, () -> views.put("x", new ValueView(1, 1, "school", AT)));
        assertThrows(UnsupportedOperationException.class, () -> views.entrySet().iterator().next().setValue(null));
    }
}
