package org.oko.forms.internal.expr;

import java.util.List;

/**
 * The syntax tree. Each node evaluates itself against a {@link Scope}; there is no other way for a
 * node to reach data, so an expression can only read values and compute.
 */
sealed interface Node {

    /** 1-based column where the node starts. */
    int position();

    Object evaluate(Scope scope);

    /** Child nodes, for static walks (references, column placement). */
    default List<Node> children() {
        return List.of();
    }

    record Literal(Object value, int position) implements Node {
        @Override
        public Object evaluate(Scope scope) {
            return value;
        }
    }

    record Name(String code, int position) implements Node {
        @Override
        public Object evaluate(Scope scope) {
            return Values.normalise(scope.name(code), position);
        }
    }

    record Cell(String table, String column, String row, int position) implements Node {
        @Override
        public Object evaluate(Scope scope) {
            return Values.normalise(scope.cell(table, column, row), position);
        }
    }

    /** A whole column; only an aggregate's argument, which reads it through {@link #values}. */
    record Column(String table, String column, int position) implements Node {
        @Override
        public Object evaluate(Scope scope) {
            throw new ExpressionException(position, "a whole column can only be an argument of sum, min, max, avg or count");
        }

        List<Object> values(Scope scope) {
            return scope.column(table, column).stream().map(v -> Values.normalise(v, position)).toList();
        }
    }

    record Negate(Node operand, int position) implements Node {
        @Override
        public Object evaluate(Scope scope) {
            Object value = operand.evaluate(scope);
            return value == null ? null : Values.number(value, position, "'-'").negate();
        }

        @Override
        public List<Node> children() {
            return List.of(operand);
        }
    }

    record Not(Node operand, int position) implements Node {
        @Override
        public Object evaluate(Scope scope) {
            Boolean value = Values.truth(operand.evaluate(scope), position, "'not'");
            return value == null ? null : !value;
        }

        @Override
        public List<Node> children() {
            return List.of(operand);
        }
    }

    record Arithmetic(String operator, Node left, Node right, int position) implements Node {
        @Override
        public Object evaluate(Scope scope) {
            return Values.arithmetic(operator, left.evaluate(scope), right.evaluate(scope), position);
        }

        @Override
        public List<Node> children() {
            return List.of(left, right);
        }
    }

    record Comparison(String operator, Node left, Node right, int position) implements Node {
        @Override
        public Object evaluate(Scope scope) {
            return Values.compare(operator, left.evaluate(scope), right.evaluate(scope), position);
        }

        @Override
        public List<Node> children() {
            return List.of(left, right);
        }
    }

    /** Three-valued {@code and}/{@code or}; the right side is skipped when the left decides. */
    record Logical(boolean and, Node left, Node right, int position) implements Node {
        @Override
        public Object evaluate(Scope scope) {
            String what = and ? "'and'" : "'or'";
            Boolean a = Values.truth(left.evaluate(scope), position, what);
            if (a != null && a != and) {
                return a;
            }
            Boolean b = Values.truth(right.evaluate(scope), position, what);
            if (b != null && b != and) {
                return b;
            }
            return a == null || b == null ? null : and;
        }

        @Override
        public List<Node> children() {
            return List.of(left, right);
        }
    }

    record Call(Function function, List<Node> arguments, int position) implements Node {
        @Override
        public Object evaluate(Scope scope) {
            return function.apply(arguments, scope, position);
        }

        @Override
        public List<Node> children() {
            return arguments;
        }
    }
}
