package org.oko.demo.internal.forms;

import java.util.LinkedHashMap;
import java.util.Map;

/** Graduates' destinations: a group of them (with disabilities, medallists) spread over the rows, never more in a row than there are. */
final class Destinations {

    private Destinations() {
    }

    /** {@code count} of the graduates placed into the rows in the order given, each up to the row's total; the other rows 0. */
    static Map<String, Integer> spread(Map<String, Integer> all, int count, String... order) {
        Map<String, Integer> placed = new LinkedHashMap<>();
        all.keySet().forEach(row -> placed.put(row, 0));
        int left = count;
        for (String row : order) {
            int here = Math.min(left, all.get(row));
            placed.put(row, here);
            left -= here;
        }
        if (left > 0) {
            throw new IllegalStateException(left + " graduates left without a destination");
        }
        return placed;
    }
}
