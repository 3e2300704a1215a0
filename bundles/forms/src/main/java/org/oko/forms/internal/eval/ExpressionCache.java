package org.oko.forms.internal.eval;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.oko.forms.internal.expr.Expression;
import org.oko.forms.internal.expr.ExpressionException;

/**
 * Parsed expressions by text. The evaluator runs on every value save, and definitions change
 * rarely, so each text is parsed once; a parse error is remembered as well.
 */
final class ExpressionCache {

    /** Beyond this many texts the cache starts afresh: bounds memory if many versions are evaluated. */
    private static final int MAX_ENTRIES = 20_000;

    private final Map<String, Object> parsed = new ConcurrentHashMap<>();

    /** @throws ExpressionException when the text does not parse */
    Expression get(String text) {
        if (parsed.size() > MAX_ENTRIES) {
            parsed.clear();
        }
        Object entry = parsed.computeIfAbsent(text, t -> {
            try {
                return Expression.parse(t);
            } catch (ExpressionException e) {
                return e;
            }
        });
        if (entry instanceof ExpressionException e) {
            throw new ExpressionException(e.position(), e.detail());
        }
        return (Expression) entry;
    }

    /** The parsed expression, or null when it does not parse. */
    Expression orNull(String text) {
        try {
            return get(text);
        } catch (ExpressionException e) {
            return null;
        }
    }
}
