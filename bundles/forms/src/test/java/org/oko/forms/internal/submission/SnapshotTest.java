package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.SubmissionState;
import org.oko.forms.internal.submission.Snapshot.StoredValue;

/** A snapshot's values in key order, whatever map they came in, and the next snapshot a save makes of it. */
class SnapshotTest {

    private static final Instant AT = Instant.parse("2026-12-06T06:00:00Z");

    private static StoredValue value(long id, int number, int revision) {
        return new StoredValue(id, Integer.toString(number), BigDecimal.valueOf(number), BigDecimal.valueOf(number), revision, "school", AT);
    }

    @Test
    void valuesAreInKeyOrderAndTheNextSnapshotReplacesAndAddsInOrder() {
        Map<String, StoredValue> read = new HashMap<>();
        read.put("total", value(1, 10, 3));
        read.put("obs.v[c2]", value(2, 2, 1));
        read.put("obs.v[c10]", value(3, 7, 1));
        Snapshot before = new Snapshot(5, "2026", "form", 1, "S1", SubmissionState.ASSIGNED, AT, 4, read, Map.of(), List.of(), false);
        assertEquals(List.of("obs.v[c10]", "obs.v[c2]", "total"), new ArrayList<>(before.values().keySet()));

        Snapshot after = before.saved(Map.of("part", value(4, 5, 1), "total", value(1, 11, 4)), SubmissionState.IN_PROGRESS, AT.plusSeconds(1));
        assertEquals(List.of("obs.v[c10]", "obs.v[c2]", "part", "total"), new ArrayList<>(after.values().keySet()));
        assertEquals(4, after.values().get("total").revision());
        assertEquals(5, after.writes());
        assertEquals(SubmissionState.IN_PROGRESS, after.state());
        assertEquals(3, before.values().get("total").revision(), "the snapshot saved on stays as it was");
        assertEquals(Map.of("obs.v[c10]", BigDecimal.valueOf(7), "obs.v[c2]", BigDecimal.valueOf(2), "part", BigDecimal.valueOf(5),
                "total", BigDecimal.valueOf(11)), after.typed());
        assertThrows(UnsupportedOperationException.class, () -> after.values().remove("part"));
    }
}
