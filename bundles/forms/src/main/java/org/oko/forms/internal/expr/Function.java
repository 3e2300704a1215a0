package org.oko.forms.internal.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The whitelist of functions. A name not listed here is a parse error: there is no lookup by
 * name anywhere else, so nothing outside this list can ever be called.
 */
enum Function {
    SUM("sum", 1, Integer.MAX_VALUE, true),
    MIN("min", 1, Integer.MAX_VALUE, true),
    MAX("max", 1, Integer.MAX_VALUE, true),
    AVG("avg", 1, Integer.MAX_VALUE, true),
    COUNT("count", 1, Integer.MAX_VALUE, true),
    ABS("abs", 1, 1, false),
    ROUND("round", 1, 2, false),
    IF("if", 3, 3, false),
    EMPTY("empty", 1, 1, false),
    COALESCE("coalesce", 1, Integer.MAX_VALUE, false),
    SHARE("share", 2, 2, false),
    CONTAINS("contains", 2, 2, false),
    LEN("len", 1, 1, false);

    /** round() digits stay within this range: enough for any indicator, and no huge scales. */
    private static final int MAX_DIGITS = 20;

    private final String functionName;
    private final int minArguments;
    private final int maxArguments;
    private final boolean aggregate;

    Function(String functionName, int minArguments, int maxArguments, boolean aggregate) {
        this.functionName = functionName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.aggregate = aggregate;
    }

    static Optional<Function> named(String name) {
        return Arrays.stream(values()).filter(f -> f.functionName.equals(name)).findFirst();
    }

    String functionName() {
        return functionName;
    }

    /** Whether whole columns may be arguments. */
    boolean aggregate() {
        return aggregate;
    }

    boolean accepts(int count) {
        return count >= minArguments && count <= maxArguments;
    }

    String arity() {
        if (minArguments == maxArguments) {
            return minArguments + (minArguments == 1 ? " argument" : " arguments");
        }
        return maxArguments == Integer.MAX_VALUE ? "at least " + minArguments + " argument" + (minArguments == 1 ? "" : "s")
                : minArguments + " to " + maxArguments + " arguments";
    }

    Object apply(List<Node> arguments, Scope scope, int position) {
        return switch (this) {
            case SUM, MIN, MAX, AVG, COUNT -> aggregate(present(arguments, scope), position);
            case ABS -> {
                Object value = arguments.get(0).evaluate(scope);
                yield value == null ? null : Values.number(value, position, "abs").abs();
            }
            case ROUND -> round(arguments, scope, position);
            case IF -> {
                Boolean condition = Values.truth(arguments.get(0).evaluate(scope), position, "if");
                yield condition == null ? null : arguments.get(condition ? 1 : 2).evaluate(scope);
            }
            case EMPTY -> Values.isMissing(arguments.get(0).evaluate(scope));
            case COALESCE -> {
                for (Node argument : arguments) {
                    Object value = argument.evaluate(scope);
                    if (!Values.isMissing(value)) {
                        yield value;
                    }
                }
                yield null;
            }
            case SHARE -> {
                Object part = arguments.get(0).evaluate(scope);
                Object whole = arguments.get(1).evaluate(scope);
                Object ratio = Values.arithmetic("/", part, whole, position);
                yield Values.arithmetic("*", ratio, BigDecimal.valueOf(100), position);
            }
            case CONTAINS -> contains(arguments.get(0).evaluate(scope), arguments.get(1).evaluate(scope), position);
            case LEN -> {
                Object value = arguments.get(0).evaluate(scope);
                if (value == null) {
                    yield null;
                }
                if (value instanceof String text) {
                    yield BigDecimal.valueOf(text.codePointCount(0, text.length()));
                }
                if (value instanceof List<?> list) {
                    yield BigDecimal.valueOf(list.size());
                }
                throw new ExpressionException(position, "len needs a text or a list, not " + Values.typeName(value));
            }
        };
    }

    /** The non-missing values of the arguments, whole columns expanded. */
    private static List<Object> present(List<Node> arguments, Scope scope) {
        List<Object> values = new ArrayList<>();
        for (Node argument : arguments) {
            if (argument instanceof Node.Column column) {
                column.values(scope).stream().filter(v -> v != null).forEach(values::add);
            } else {
                Object value = argument.evaluate(scope);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private Object aggregate(List<Object> values, int position) {
        if (this == COUNT) {
            return BigDecimal.valueOf(values.size());
        }
        if (values.isEmpty()) {
            return null;
        }
        if (this == MIN || this == MAX) {
            Object best = values.get(0);
            for (Object value : values) {
                int order = Values.compareSameType(value, best, position, functionName);
                if (value instanceof List) {
                    throw new ExpressionException(position, functionName + " cannot order lists");
                }
                if (this == MIN ? order < 0 : order > 0) {
                    best = value;
                }
            }
            return best;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Object value : values) {
            sum = Values.checked(sum.add(Values.number(value, position, functionName), Values.MATH), position);
        }
        return this == SUM ? sum : sum.divide(BigDecimal.valueOf(values.size()), Values.MATH);
    }

    private static Object round(List<Node> arguments, Scope scope, int position) {
        Object value = arguments.get(0).evaluate(scope);
        Object digitsValue = arguments.size() > 1 ? arguments.get(1).evaluate(scope) : BigDecimal.ZERO;
        if (value == null || digitsValue == null) {
            return null;
        }
        BigDecimal number = Values.number(value, position, "round");
        BigDecimal digits = Values.number(digitsValue, position, "round");
        if (digits.stripTrailingZeros().scale() > 0 || digits.abs().compareTo(BigDecimal.valueOf(MAX_DIGITS)) > 0) {
            throw new ExpressionException(position, "round needs a whole number of digits from -" + MAX_DIGITS
                    + " to " + MAX_DIGITS);
        }
        return number.setScale(digits.intValue(), RoundingMode.HALF_UP);
    }

    private static Object contains(Object collection, Object value, int position) {
        if (collection == null || value == null) {
            return null;
        }
        if (collection instanceof List<?> list) {
            return list.contains(value);
        }
        if (collection instanceof String text) {
            return text.equals(value);
        }
        throw new ExpressionException(position, "contains needs a multi-choice value, not " + Values.typeName(collection));
    }
}
