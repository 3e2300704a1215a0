package org.oko.forms.internal.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A scope over a plain map, for tests; rows of a column are the given row keys. */
final class MapScope implements Scope {

    private final Map<String, Object> values = new HashMap<>();
    private final List<String> rows;

    MapScope(List<String> rows) {
        this.rows = rows;
    }

    MapScope() {
        this(List.of("1", "2", "3"));
    }

    MapScope with(String key, Object value) {
        values.put(key, value);
        return this;
    }

    @Override
    public Object name(String code) {
        return values.get(code);
    }

    @Override
    public Object cell(String table, String column, String row) {
        return values.get(table + "." + column + "[" + row + "]");
    }

    @Override
    public List<Object> column(String table, String column) {
        List<Object> result = new ArrayList<>();
        rows.forEach(row -> result.add(cell(table, column, row)));
        return result;
    }
}
