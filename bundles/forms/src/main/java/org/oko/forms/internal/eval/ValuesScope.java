package org.oko.forms.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.oko.forms.api.CellKey;
import org.oko.forms.api.Table;
import org.oko.forms.internal.expr.Scope;

/**
 * A submission's values (input and computed) as expressions see them. With a row context (a
 * table column's computed expression) a bare column code means the same row's cell.
 */
final class ValuesScope implements Scope {

    private final Map<String, Object> values;
    private final Map<String, List<String>> rows;
    private final Table rowTable;
    private final String row;

    ValuesScope(Map<String, Object> values, Map<String, List<String>> rows) {
        this(values, rows, null, null);
    }

    private ValuesScope(Map<String, Object> values, Map<String, List<String>> rows, Table rowTable, String row) {
        this.values = values;
        this.rows = rows;
        this.rowTable = rowTable;
        this.row = row;
    }

    /** The same values, seen from one row of a table. */
    ValuesScope inRow(Table table, String rowKey) {
        return new ValuesScope(values, rows, table, rowKey);
    }

    @Override
    public Object name(String code) {
        if (rowTable != null && FormIndex.column(rowTable, code).isPresent()) {
            return cell(rowTable.code(), code, row);
        }
        return values.get(code);
    }

    @Override
    public Object cell(String table, String column, String rowKey) {
        return values.get(new CellKey(table, column, rowKey).toString());
    }

    @Override
    public List<Object> column(String table, String column) {
        List<Object> result = new ArrayList<>();
        rows.getOrDefault(table, List.of()).forEach(r -> result.add(cell(table, column, r)));
        return result;
    }
}
