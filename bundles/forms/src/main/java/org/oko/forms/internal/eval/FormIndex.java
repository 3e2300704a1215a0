package org.oko.forms.internal.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.Section;
import org.oko.forms.api.SectionItem;
import org.oko.forms.api.Table;
import org.oko.forms.internal.expr.Expression;

/**
 * Lookups over a definition by code, and the order its computed indicators are evaluated in: built once per
 * definition ({@link FormEvaluator} keeps them; definitions never change) instead of at every evaluation.
 */
final class FormIndex {

    private final FormDefinition definition;
    private final Map<String, Indicator> singles = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<Indicator> singleList;
    private final List<Table> tableList;
    private final boolean anyComputed;
    private volatile ComputeOrder order;

    FormIndex(FormDefinition definition) {
        this.definition = definition;
        for (Section section : definition.sections()) {
            for (SectionItem item : section.items()) {
                if (item instanceof Indicator indicator) {
                    singles.putIfAbsent(indicator.code(), indicator);
                } else if (item instanceof Table table) {
                    tables.putIfAbsent(table.code(), table);
                }
            }
        }
        singleList = List.copyOf(singles.values());
        tableList = List.copyOf(tables.values());
        anyComputed = !computed().isEmpty();
    }

    /** Whether the form computes anything: most forms' values are all typed in. */
    boolean anyComputed() {
        return anyComputed;
    }

    /** The order of the computed indicators, worked out at the first call (with the parser of that call's evaluator). */
    ComputeOrder order(Function<String, Expression> parsed) {
        ComputeOrder known = order;
        if (known == null) {
            order = known = ComputeOrder.of(this, parsed);
        }
        return known;
    }

    FormDefinition definition() {
        return definition;
    }

    Optional<Indicator> single(String code) {
        return Optional.ofNullable(singles.get(code));
    }

    Optional<Table> table(String code) {
        return Optional.ofNullable(tables.get(code));
    }

    Optional<Indicator> column(String table, String column) {
        return table(table).flatMap(t -> column(t, column));
    }

    static Optional<Indicator> column(Table table, String column) {
        return table.columns().stream().filter(c -> c.code().equals(column)).findFirst();
    }

    List<Indicator> singles() {
        return singleList;
    }

    List<Table> tables() {
        return tableList;
    }

    /** Every computed indicator and computed table column, as the targets of dependency ordering. */
    List<Computed> computed() {
        List<Computed> computed = new ArrayList<>();
        singles.values().stream().filter(Indicator::isComputed).forEach(i -> computed.add(new Computed(null, i)));
        tables.values().forEach(t -> t.columns().stream().filter(Indicator::isComputed)
                .forEach(c -> computed.add(new Computed(t, c))));
        return computed;
    }

    /** A computed indicator, or a computed column of {@code table} (evaluated per row). */
    record Computed(Table table, Indicator indicator) {

        /** {@code code} or {@code table.column}. */
        String key() {
            return table == null ? indicator.code() : table.code() + "." + indicator.code();
        }
    }
}
