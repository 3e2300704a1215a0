package org.oko.forms.internal.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.oko.forms.api.Breakdown;
import org.oko.forms.api.CellKey;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Rows;
import org.oko.forms.api.Rule;
import org.oko.forms.api.Section;
import org.oko.forms.api.SectionItem;
import org.oko.forms.api.Severity;
import org.oko.forms.api.Table;
import org.oko.forms.api.Text;
import org.oko.forms.api.ValidationMessage;
import org.oko.forms.internal.FormsTexts;
import org.oko.forms.internal.expr.Expression;
import org.oko.forms.internal.expr.ExpressionException;
import org.oko.forms.internal.expr.Reference;

/**
 * One evaluation of one submission, in its steps: rows, computed values in dependency order,
 * visibility, per-value checks with completion, then rules. Holds the state of a single call.
 */
final class EvaluationRun {

    /** ruleId of messages about expressions that fail (a definition bug, or a number beyond the limit). */
    static final String EXPRESSION = "expression";

    private final FormIndex index;
    private final Map<String, Object> input;
    private final List<RowSpec> structuralUnits;
    private final ExpressionCache expressions;
    private final ValueChecks checks;

    private final Map<String, List<String>> rows = new HashMap<>();
    private final Map<String, Object> all = new HashMap<>();
    private final Map<String, Object> computed = new LinkedHashMap<>();
    private final Set<String> hidden = new LinkedHashSet<>();
    private final List<ValidationMessage> messages = new ArrayList<>();
    private int required;
    private int filled;

    EvaluationRun(FormIndex index, Map<String, Object> input, List<RowSpec> structuralUnits,
                  ExpressionCache expressions, ValueChecks checks) {
        this.index = index;
        this.input = input == null ? Map.of() : input;
        this.structuralUnits = structuralUnits;
        this.expressions = expressions;
        this.checks = checks;
    }

    Evaluation run() {
        computeOnly(null);
        visibility();
        checkValues();
        checkRules();
        int percent = required == 0 ? 100 : (int) ((long) filled * 100 / required);
        return new Evaluation(Collections.unmodifiableMap(computed), Collections.unmodifiableSet(hidden),
                List.copyOf(messages), percent);
    }

    /** The computed values alone, without visibility, checks, rules or completion: for reading many submissions' values. */
    Map<String, Object> computeOnly() {
        return computeOnly(null);
    }

    /** As {@link #computeOnly()}, evaluating only {@code targets} ({@code code} or {@code table.column}; null: all). */
    Map<String, Object> computeOnly(Set<String> targets) {
        index.tables().forEach(table -> rows.put(table.code(), rowsOf(table)));
        if (index.anyComputed()) {
            this.input.forEach((key, value) -> {
                if (!isComputedKey(key)) {
                    all.put(key, value);
                }
            });
        } else {
            all.putAll(input);
        }
        compute(targets);
        return Collections.unmodifiableMap(computed);
    }

    private List<String> rowsOf(Table table) {
        Rows spec = table.rows();
        if (spec.kind() == Rows.Kind.BREAKDOWN && spec.breakdown() == Breakdown.STRUCTURAL_UNIT) {
            return structuralUnits.stream().map(RowSpec::key).toList();
        }
        if (spec.kind() == Rows.Kind.OPEN) {
            Set<String> present = new LinkedHashSet<>();
            input.keySet().forEach(key -> CellKey.parse(key).filter(cell -> cell.table().equals(table.code()))
                    .ifPresent(cell -> present.add(cell.row())));
            return List.copyOf(present);
        }
        return spec.known().stream().map(RowSpec::key).toList();
    }

    /** A value sent for a computed indicator is ignored: computed values come from the server only. */
    private boolean isComputedKey(String key) {
        Optional<CellKey> cell = CellKey.parse(key);
        if (cell.isPresent()) {
            return index.column(cell.get().table(), cell.get().column()).map(Indicator::isComputed).orElse(false);
        }
        return index.single(key).map(Indicator::isComputed).orElse(false);
    }

    private void compute(Set<String> targets) {
        ComputeOrder order = index.order(expressions::orNull);
        for (List<String> cycle : order.cycles()) {
            messages.add(expressionMessage(null, "computed indicators depend on each other in a cycle: "
                    + String.join(" → ", cycle)));
        }
        ValuesScope scope = new ValuesScope(all, rows);
        for (FormIndex.Computed target : order.order()) {
            if (targets != null && !targets.contains(target.key())) {
                continue;
            }
            if (target.table() == null) {
                evaluate(target.indicator().computed(), target.key(), scope)
                        .ifPresent(value -> store(target.key(), value));
                continue;
            }
            for (String row : rows.get(target.table().code())) {
                String key = new CellKey(target.table().code(), target.indicator().code(), row).toString();
                evaluate(target.indicator().computed(), key, scope.inRow(target.table(), row))
                        .ifPresent(value -> store(key, value));
            }
        }
    }

    private void store(String key, Object value) {
        if (value != null) {
            all.put(key, value);
            computed.put(key, value);
        }
    }

    /** The value of an expression; empty when missing, or when it fails (then a message says why). */
    private Optional<Object> evaluate(String text, String field, ValuesScope scope) {
        try {
            return Optional.ofNullable(expressions.get(text).evaluate(scope));
        } catch (ExpressionException e) {
            messages.add(expressionMessage(field, "'" + text + "': " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Only a condition that is true shows an item: an unanswered condition (null) hides it. */
    private boolean visible(String condition, String field) {
        if (condition == null || condition.isBlank()) {
            return true;
        }
        try {
            Object value = expressions.get(condition).evaluate(new ValuesScope(all, rows));
            return Boolean.TRUE.equals(value);
        } catch (ExpressionException e) {
            messages.add(expressionMessage(field, "visibleIf '" + condition + "': " + e.getMessage()));
            return true;
        }
    }

    private void visibility() {
        for (Section section : index.definition().sections()) {
            if (!visible(section.visibleIf(), null)) {
                hidden.add(section.id());
                section.items().forEach(item -> hidden.add(item.code()));
                continue;
            }
            for (SectionItem item : section.items()) {
                if (!visible(item.visibleIf(), item.code())) {
                    hidden.add(item.code());
                } else if (item instanceof Table table) {
                    table.columns().stream().filter(c -> !visible(c.visibleIf(), table.code() + "." + c.code()))
                            .forEach(c -> hidden.add(table.code() + "." + c.code()));
                }
            }
        }
    }

    private void checkValues() {
        for (Indicator indicator : index.singles()) {
            if (!indicator.isComputed() && !hidden.contains(indicator.code())) {
                checkValue(indicator.code(), indicator);
            }
        }
        for (Table table : index.tables()) {
            if (hidden.contains(table.code())) {
                continue;
            }
            for (Indicator column : table.columns()) {
                if (column.isComputed() || hidden.contains(table.code() + "." + column.code())) {
                    continue;
                }
                for (String row : rows.get(table.code())) {
                    checkValue(new CellKey(table.code(), column.code(), row).toString(), column);
                }
            }
        }
    }

    private void checkValue(String key, Indicator indicator) {
        Object value = input.get(key);
        if (indicator.required()) {
            required++;
            if (!ValueChecks.isMissing(value)) {
                filled++;
            }
        }
        checks.check(key, indicator, value).ifPresent(messages::add);
    }

    private void checkRules() {
        ValuesScope scope = new ValuesScope(all, rows);
        for (Rule rule : index.definition().rules()) {
            Expression check = expressions.orNull(rule.check());
            if (check == null) {
                messages.add(expressionMessage(field(rule), "rule " + rule.id() + " does not parse"));
                continue;
            }
            if (check.references().stream().anyMatch(this::isHidden) || rule.fields().stream().anyMatch(this::isHiddenField)) {
                continue;
            }
            try {
                Object result = check.evaluate(scope);
                if (Boolean.FALSE.equals(result)) {
                    messages.add(new ValidationMessage(field(rule), rule.severity(), rule.message(), rule.id()));
                } else if (result != null && !(result instanceof Boolean)) {
                    messages.add(expressionMessage(field(rule), "rule " + rule.id() + " gives no true/false"));
                }
            } catch (ExpressionException e) {
                messages.add(expressionMessage(field(rule), "rule " + rule.id() + ": " + e.getMessage()));
            }
        }
    }

    private static String field(Rule rule) {
        return rule.fields().isEmpty() ? null : rule.fields().get(0);
    }

    private boolean isHidden(Reference reference) {
        return switch (reference.kind()) {
            case NAME -> hidden.contains(reference.code());
            case CELL, COLUMN -> hidden.contains(reference.code())
                    || hidden.contains(reference.code() + "." + reference.column());
        };
    }

    private boolean isHiddenField(String field) {
        return CellKey.parse(field).map(cell -> hidden.contains(cell.table())
                        || hidden.contains(cell.table() + "." + cell.column()))
                .orElse(hidden.contains(field));
    }

    private static ValidationMessage expressionMessage(String field, String detail) {
        return new ValidationMessage(field, Severity.ERROR,
                FormsTexts.text("value.evaluation-error", detail),
                EXPRESSION);
    }
}
