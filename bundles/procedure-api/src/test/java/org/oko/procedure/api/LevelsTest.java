package org.oko.procedure.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Results folded per school, territory and region side by side, the catalog asked once per school. */
class LevelsTest {

    @Test
    void eachResultCountsForItsSchoolItsTerritoryAndTheRegion() {
        Map<String, String> catalog = Map.of("S1", "T1", "S2", "T1", "S3", "T2");
        AtomicInteger lookups = new AtomicInteger();
        Levels<List<Integer>> levels = new Levels<>(java.util.ArrayList::new, school -> {
            lookups.incrementAndGet();
            return catalog.get(school);
        });
        int[][] results = {{1, 5}, {1, 3}, {2, 4}, {3, 2}, {9, 5}};
        for (int[] result : results) {
            levels.add("S" + result[0], marks -> marks.add(result[1]));
        }
        assertEquals(List.of(5, 3), levels.school("S1"));
        assertEquals(List.of(5, 3, 4), levels.territory("T1"));
        assertEquals(List.of(2), levels.territory("T2"));
        assertEquals(List.of(5), levels.territory(Levels.NO_TERRITORY), "a school the catalog does not place");
        assertEquals(List.of(5, 3, 4, 2, 5), levels.region());
        assertEquals(List.of(), levels.school("S7"), "no results: an empty accumulator");
        assertEquals(4, lookups.get(), "the catalog asked once per school");
        assertEquals(4, levels.schools().size());
        assertThrows(UnsupportedOperationException.class, () -> levels.schools().clear());
    }

    @Test
    void aFlagKeepsItsFiguresInOrderAndUnchangeable() {
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("school_share_5", 40.0);
        figures.put("region_share_5", 10.0);
        Flag flag = new Flag("S1", "TOP_MARKS", "Доля «5» выше региональной", "40 % при 10 % по региону", figures);
        figures.put("later", 1);
        assertEquals(List.of("school_share_5", "region_share_5"), List.copyOf(flag.figures().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> flag.figures().put("x", 1));
        assertEquals(Map.of(), new Flag("S1", "R", "t", "e", null).figures());
        assertEquals(new HashMap<>(figures).size() - 1, flag.figures().size());
    }
}
