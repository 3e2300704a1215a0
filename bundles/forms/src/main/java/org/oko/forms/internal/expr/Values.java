package org.oko.forms.internal.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;

/** Operations on expression values: arithmetic with the size limit, comparison, truth, type names. */
final class Values {

    static final MathContext MATH = MathContext.DECIMAL128;

    /** Larger magnitudes are an error: keeps numbers (and the work on them) small whatever the input. */
    static final BigDecimal LIMIT = new BigDecimal("1e30");

    private Values() {
    }

    /** Missing: null, blank text or an empty list all count as no value (normalised to null). */
    static Object normalise(Object value, int position) {
        if (value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return null;
        }
        if (value instanceof BigDecimal number) {
            return checked(number, position);
        }
        if (value instanceof Number number) {
            return checked(new BigDecimal(number.toString()), position);
        }
        return value;
    }

    static boolean isMissing(Object value) {
        return value == null || value instanceof String s && s.isBlank() || value instanceof List<?> l && l.isEmpty();
    }

    static BigDecimal checked(BigDecimal number, int position) {
        if (number.abs().compareTo(LIMIT) > 0) {
            throw new ExpressionException(position, "number too large (the limit is 1e30)");
        }
        return number;
    }

    static BigDecimal number(Object value, int position, String what) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        throw new ExpressionException(position, what + " needs a number, not " + typeName(value));
    }

    static Boolean truth(Object value, int position, String what) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new ExpressionException(position, what + " needs true or false, not " + typeName(value));
    }

    static Object arithmetic(String operator, Object left, Object right, int position) {
        if (left == null || right == null) {
            return null;
        }
        BigDecimal a = number(left, position, "'" + operator + "'");
        BigDecimal b = number(right, position, "'" + operator + "'");
        BigDecimal result = switch (operator) {
            case "+" -> a.add(b, MATH);
            case "-" -> a.subtract(b, MATH);
            case "*" -> a.multiply(b, MATH);
            case "/" -> b.signum() == 0 ? null : a.divide(b, MATH);
            default -> throw new IllegalStateException(operator);
        };
        return result == null ? null : checked(result, position);
    }

    static Object compare(String operator, Object left, Object right, int position) {
        if (left == null || right == null) {
            return null;
        }
        if (operator.equals("=") || operator.equals("!=")) {
            boolean equal = compareSameType(left, right, position, operator) == 0;
            return operator.equals("=") == equal;
        }
        if (left instanceof List || right instanceof List) {
            throw new ExpressionException(position, "'" + operator + "' cannot compare lists");
        }
        int order = compareSameType(left, right, position, operator);
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> throw new IllegalStateException(operator);
        };
    }

    /** Order of two non-null values of one type; 0 or 1 for lists (equal or not). */
    static int compareSameType(Object left, Object right, int position, String what) {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b);
        }
        if (left instanceof String a && right instanceof String b) {
            return a.compareTo(b);
        }
        if (left instanceof LocalDate a && right instanceof LocalDate b) {
            return a.compareTo(b);
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return a.compareTo(b);
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            return a.equals(b) ? 0 : 1;
        }
        throw new ExpressionException(position,
                "'" + what + "' cannot compare " + typeName(left) + " with " + typeName(right));
    }

    static String typeName(Object value) {
        if (value == null) {
            return "a missing value";
        }
        if (value instanceof BigDecimal) {
            return "a number";
        }
        if (value instanceof String) {
            return "a text";
        }
        if (value instanceof Boolean) {
            return "true/false";
        }
        if (value instanceof LocalDate) {
            return "a date";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "an unsupported value";
    }
}
