package org.oko.forms.internal.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.oko.forms.api.Breakdown;
import org.oko.forms.api.CellKey;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.Option;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Rows;
import org.oko.forms.api.Rule;
import org.oko.forms.api.Section;
import org.oko.forms.api.SectionItem;
import org.oko.forms.api.Table;
import org.oko.forms.internal.expr.Expression;
import org.oko.forms.internal.expr.ExpressionException;
import org.oko.forms.internal.expr.Reference;

/**
 * The static check of a definition before it is taken: what would otherwise surface as wrong
 * results or messages at a school is reported to the form's author, naming the place.
 */
public final class DefinitionChecker {

    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "true", "false", "null");

    private DefinitionChecker() {
    }

    /** Every problem found, in English; empty when the definition is sound. */
    public static List<String> check(FormDefinition definition) {
        return new Run(definition).run();
    }

    private static final class Run {
        private final FormDefinition definition;
        private final FormIndex index;
        private final List<String> problems = new ArrayList<>();

        Run(FormDefinition definition) {
            this.definition = definition;
            this.index = new FormIndex(definition);
        }

        List<String> run() {
            Set<String> sectionIds = new HashSet<>();
            Set<String> codes = new HashSet<>();
            for (Section section : definition.sections()) {
                String where = "section '" + section.id() + "'";
                if (section.id() == null || section.id().isBlank() || !sectionIds.add(section.id())) {
                    problems.add(where + ": the section id is empty or repeated");
                }
                expression(section.visibleIf(), where + ", visibleIf", null);
                for (SectionItem item : section.items()) {
                    item(where, item, codes);
                }
            }
            cycles();
            rules();
            return List.copyOf(problems);
        }

        private void item(String sectionWhere, SectionItem item, Set<String> codes) {
            String where = sectionWhere + ", " + (item instanceof Table ? "table '" : "indicator '") + item.code() + "'";
            code(where, item.code(), codes);
            expression(item.visibleIf(), where + ", visibleIf", null);
            if (item instanceof Indicator indicator) {
                indicator(where, indicator, null);
                return;
            }
            Table table = (Table) item;
            rows(where, table.rows());
            Set<String> columns = new HashSet<>();
            for (Indicator column : table.columns()) {
                String columnWhere = where + ", column '" + column.code() + "'";
                code(columnWhere, column.code(), columns);
                expression(column.visibleIf(), columnWhere + ", visibleIf", null);
                indicator(columnWhere, column, table);
            }
            if (table.columns().isEmpty()) {
                problems.add(where + ": the table has no columns");
            }
        }

        private void code(String where, String code, Set<String> taken) {
            if (code == null || !CODE.matcher(code).matches() || RESERVED.contains(code)) {
                problems.add(where + ": a code is letters, digits and '_', starts with a letter and is not "
                        + String.join("/", RESERVED));
            } else if (!taken.add(code)) {
                problems.add(where + ": the code is used twice");
            }
        }

        private void rows(String where, Rows rows) {
            if (rows == null || rows.kind() == null) {
                problems.add(where + ": the table says nothing about its rows");
            } else if (rows.kind() == Rows.Kind.BREAKDOWN && rows.breakdown() == null) {
                problems.add(where + ": rows by breakdown need the breakdown");
            } else if (rows.kind() == Rows.Kind.FIXED) {
                Set<String> keys = new HashSet<>();
                if (rows.fixed().isEmpty()) {
                    problems.add(where + ": fixed rows are empty");
                }
                rows.fixed().stream().filter(row -> !keys.add(row.key()))
                        .forEach(row -> problems.add(where + ": row '" + row.key() + "' is listed twice"));
            }
        }

        private void indicator(String where, Indicator indicator, Table table) {
            if (indicator.type() == null) {
                problems.add(where + ": the type is missing");
                return;
            }
            if (indicator.type() == IndicatorType.CHOICE || indicator.type() == IndicatorType.MULTI_CHOICE) {
                Set<String> values = new HashSet<>();
                if (indicator.options().isEmpty()) {
                    problems.add(where + ": a choice needs options");
                }
                indicator.options().stream().map(Option::value).filter(value -> value == null || !values.add(value))
                        .forEach(value -> problems.add(where + ": option value '" + value + "' is empty or repeated"));
            }
            if (indicator.min() != null && indicator.max() != null && indicator.min().compareTo(indicator.max()) > 0) {
                problems.add(where + ": min " + indicator.min() + " is greater than max " + indicator.max());
            }
            if (indicator.pattern() != null) {
                try {
                    Pattern.compile(indicator.pattern());
                } catch (PatternSyntaxException e) {
                    problems.add(where + ": the pattern does not compile: " + e.getDescription());
                }
            }
            if (indicator.isComputed()) {
                if (indicator.required()) {
                    problems.add(where + ": a computed indicator cannot be required");
                }
                expression(indicator.computed(), where + ", computed", table);
            }
        }

        /** Parses and checks references; {@code rowTable} is the table whose row context applies, or null. */
        private void expression(String text, String where, Table rowTable) {
            if (text == null) {
                return;
            }
            Expression expression;
            try {
                expression = Expression.parse(text);
            } catch (ExpressionException e) {
                problems.add(where + ": " + e.getMessage());
                return;
            }
            for (Reference reference : expression.references()) {
                unknown(reference, rowTable).ifPresent(problem -> problems.add(where + ": column "
                        + expression.position(reference) + ": " + problem));
            }
        }

        private Optional<String> unknown(Reference reference, Table rowTable) {
            if (reference.kind() == Reference.Kind.NAME) {
                if (rowTable != null && FormIndex.column(rowTable, reference.code()).isPresent()
                        || index.single(reference.code()).isPresent()) {
                    return Optional.empty();
                }
                if (index.table(reference.code()).isPresent()) {
                    return Optional.of("'" + reference.code() + "' is a table: write " + reference.code()
                            + ".column[row], or sum(" + reference.code() + ".column)");
                }
                return Optional.of("unknown indicator '" + reference.code() + "'");
            }
            Optional<Table> table = index.table(reference.code());
            if (table.isEmpty()) {
                return Optional.of("unknown table '" + reference.code() + "'");
            }
            if (FormIndex.column(table.get(), reference.column()).isEmpty()) {
                return Optional.of("table '" + reference.code() + "' has no column '" + reference.column() + "'");
            }
            if (reference.kind() == Reference.Kind.CELL && !rowExists(table.get(), reference.row())) {
                return Optional.of("table '" + reference.code() + "' has no row '" + reference.row() + "'");
            }
            return Optional.empty();
        }

        /** Open and structural-unit rows are only known per submission: any row key may exist. */
        private static boolean rowExists(Table table, String row) {
            Rows rows = table.rows();
            if (rows == null || rows.kind() == Rows.Kind.OPEN
                    || rows.kind() == Rows.Kind.BREAKDOWN && (rows.breakdown() == null || rows.breakdown() == Breakdown.STRUCTURAL_UNIT)) {
                return true;
            }
            return rows.known().stream().map(RowSpec::key).anyMatch(row::equals);
        }

        private void cycles() {
            ComputeOrder order = ComputeOrder.of(index, text -> {
                try {
                    return Expression.parse(text);
                } catch (ExpressionException e) {
                    return null;
                }
            });
            order.cycles().forEach(cycle -> problems.add("computed indicators depend on each other in a cycle: "
                    + String.join(" -> ", cycle)));
        }

        private void rules() {
            Set<String> ids = new HashSet<>();
            for (Rule rule : definition.rules()) {
                String where = "rule '" + rule.id() + "'";
                if (rule.id() == null || rule.id().isBlank() || !ids.add(rule.id())) {
                    problems.add(where + ": the rule id is empty or repeated");
                }
                if (rule.check() == null || rule.check().isBlank()) {
                    problems.add(where + ": the check is missing");
                } else {
                    expression(rule.check(), where + ", check", null);
                }
                if (rule.severity() == null) {
                    problems.add(where + ": the severity is missing");
                }
                rule.fields().stream().filter(field -> !fieldExists(field))
                        .forEach(field -> problems.add(where + ": field '" + field + "' names no indicator, column or cell"));
            }
        }

        /** A field is an indicator or table code, a column ({@code table.column}) or a cell key. */
        private boolean fieldExists(String field) {
            if (field == null) {
                return false;
            }
            Optional<CellKey> cell = CellKey.parse(field);
            if (cell.isPresent()) {
                return unknown(Reference.cell(cell.get().table(), cell.get().column(), cell.get().row()), null).isEmpty();
            }
            int dot = field.indexOf('.');
            if (dot > 0) {
                return index.column(field.substring(0, dot), field.substring(dot + 1)).isPresent();
            }
            return index.single(field).isPresent() || index.table(field).isPresent();
        }
    }
}
