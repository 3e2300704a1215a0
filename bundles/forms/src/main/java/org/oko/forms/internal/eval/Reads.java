package org.oko.forms.internal.eval;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.oko.forms.api.CellKey;
import org.oko.forms.api.Indicator;
import org.oko.forms.internal.expr.Expression;
import org.oko.forms.internal.expr.Reference;

/**
 * What must be read to answer some of a form's keys: the stored keys and whole columns their computed values read,
 * followed through computed values that read computed values, and the computed targets to evaluate. Analytics asks a
 * few keys of a form holding hundreds; reading only these is what makes a region's values cheap.
 *
 * @param keys     stored keys read one by one ({@code code} or {@code table.column[row]})
 * @param columns  columns read whole ({@code table.column}): an aggregate or a row's computed value reads them
 * @param computed computed targets to evaluate ({@code code} or {@code table.column}), a subset of the form's
 */
public record Reads(Set<String> keys, Set<String> columns, Set<String> computed) {

    /** Whether a stored value of this key is read. */
    public boolean covers(String key) {
        if (keys.contains(key)) {
            return true;
        }
        int bracket = key.indexOf('[');
        return bracket > 0 && columns.contains(key.substring(0, bracket));
    }

    static Reads of(FormIndex index, Function<String, Expression> parsed, Set<String> wanted, Set<String> provided) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        Set<String> computed = new LinkedHashSet<>();
        Deque<String> targets = new ArrayDeque<>();
        for (String key : wanted) {
            Optional<CellKey> cell = CellKey.parse(key);
            if (cell.isPresent()) {
                String table = cell.get().table();
                if (index.column(table, cell.get().column()).map(Indicator::isComputed).orElse(false)) {
                    targets.add(table + "." + cell.get().column());
                } else {
                    keys.add(key);
                }
            } else if (index.single(key).map(Indicator::isComputed).orElse(false)) {
                targets.add(key);
            } else {
                keys.add(key);
            }
        }
        while (!targets.isEmpty()) {
            String target = targets.pop();
            if (!computed.add(target)) {
                continue;
            }
            int dot = target.indexOf('.');
            String table = dot < 0 ? null : target.substring(0, dot);
            Expression expression = (table == null ? index.single(target) : index.column(table, target.substring(dot + 1)))
                    .map(i -> parsed.apply(i.computed())).orElse(null);
            if (expression == null) {
                continue;
            }
            for (Reference reference : expression.references()) {
                String column = switch (reference.kind()) {
                    // in a row's computed value, a name may be a column of the same row
                    case NAME -> table != null && index.column(table, reference.code()).isPresent() ? table + "." + reference.code() : null;
                    case CELL, COLUMN -> reference.code() + "." + reference.column();
                };
                if (column == null) {
                    if (index.single(reference.code()).map(Indicator::isComputed).orElse(false)) {
                        targets.add(reference.code());
                    } else {
                        keys.add(reference.code());
                    }
                } else if (isComputed(index, column)) {
                    targets.add(column);
                } else if (reference.kind() == Reference.Kind.CELL) {
                    keys.add(reference.key());
                } else {
                    columns.add(column);
                }
            }
        }
        return without(keys, columns, computed, provided);
    }

    private static boolean isComputed(FormIndex index, String column) {
        int dot = column.indexOf('.');
        return index.column(column.substring(0, dot), column.substring(dot + 1)).map(Indicator::isComputed).orElse(false);
    }

    /**
     * Keys that calculators provide are not read (their values replace what is stored). A whole column is still read
     * when a calculator provides some of its cells: naming its other cells one by one would cost more than the range.
     */
    private static Reads without(Set<String> keys, Set<String> columns, Set<String> computed, Set<String> provided) {
        keys.removeAll(provided);
        return new Reads(Set.copyOf(keys), Set.copyOf(columns), Set.copyOf(computed));
    }
}
