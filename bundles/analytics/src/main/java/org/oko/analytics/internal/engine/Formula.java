package org.oko.analytics.internal.engine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.function.Function;

/**
 * An indicator's formula: arithmetic over named inputs (+ - * / ^, parentheses, abs, sqrt, log, min, max), evaluated by
 * exp4j — a library that computes numbers and nothing else, so a region's formula can do no harm. A value is null when
 * an input is missing or the result is not a number (a share of nothing).
 */
public final class Formula {

    private static final Function MIN = new Function("min", 2) {
        @Override
        public double apply(double... args) {
            return Math.min(args[0], args[1]);
        }
    };
    private static final Function MAX = new Function("max", 2) {
        @Override
        public double apply(double... args) {
            return Math.max(args[0], args[1]);
        }
    };

    private final Set<String> names;
    /** Parsed once; each evaluation works on a copy (an Expression holds its variables' values, so it is not thread-safe). */
    private final Expression parsed;

    private Formula(Expression parsed, Set<String> names) {
        this.parsed = parsed;
        this.names = Set.copyOf(names);
    }

    /** The formula, or an exception naming what is wrong. */
    public static Formula of(String text, Set<String> names) {
        return new Formula(build(text, names), names);
    }

    /** What is wrong with a formula, empty when it is right. */
    public static Optional<String> problem(String text, Set<String> names) {
        try {
            var validation = build(text, names).validate(false);
            return validation.isValid() ? Optional.empty() : Optional.of(String.join("; ", validation.getErrors()));
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private static Expression build(String text, Set<String> names) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        return new ExpressionBuilder(text).variables(names).functions(MIN, MAX).implicitMultiplication(false).build();
    }

    /** The value for the inputs given; null when one is missing or the result is not a finite number. */
    public Double evaluate(Map<String, Double> inputs) {
        if (!inputs.keySet().containsAll(names) || inputs.values().stream().anyMatch(v -> v == null)) {
            return null;
        }
        try {
            // A copy shares the parsed tokens and takes its own variables: a region's 50,000 evaluations parse nothing.
            double value = new Expression(parsed).setVariables(inputs).evaluate();
            return Double.isFinite(value) ? value : null;
        } catch (ArithmeticException e) {
            return null; // a division by zero
        }
    }
}
