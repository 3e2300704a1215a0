package org.oko.demo.internal.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A form's values in the order a school types them: numbers, decimals, booleans, choices and cells {@code table.column[row]}. */
public final class Values {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Random random;

    public Values(Random random) {
        this.random = random;
    }

    public Values put(String key, Object value) {
        values.put(key, value instanceof Double d ? BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP) : value);
        return this;
    }

    public Values cell(String table, String column, String row, Object value) {
        return put(table + "." + column + "[" + row + "]", value);
    }

    public Map<String, Object> map() {
        return values;
    }

    // --- the draws every generator needs ---

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A uniform integer in [from, to]. */
    public int between(int from, int to) {
        return to <= from ? from : from + random.nextInt(to - from + 1);
    }

    /** A uniform share in [from, to). */
    public double share(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** round(n × share), within [0, n]. */
    public static int part(int n, double share) {
        return (int) Math.max(0, Math.min(n, Math.round(n * share)));
    }

    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
