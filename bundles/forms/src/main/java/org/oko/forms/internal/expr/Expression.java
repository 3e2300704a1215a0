package org.oko.forms.internal.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A parsed expression of a form definition: a computed indicator, a visibility condition or a
 * rule's check. Immutable and thread-safe, so one parse serves every evaluation.
 * <p>
 * The language is a closed whitelist evaluated by a tree walker: no reflection, no scripting
 * engine, no method or member access. Values come only through {@link Scope}.
 */
public final class Expression {

    /** Longer texts are refused before parsing: no form needs them, and parsing stays cheap. */
    public static final int MAX_LENGTH = 2000;

    private final String text;
    private final Node root;
    private final Map<Reference, Integer> references;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
        Map<Reference, Integer> found = new LinkedHashMap<>();
        collect(root, found);
        this.references = Collections.unmodifiableMap(found);
    }

    /** @throws ExpressionException with the column of the first error */
    public static Expression parse(String text) {
        if (text == null) {
            throw new ExpressionException(0, "the expression is missing");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException(MAX_LENGTH + 1, "the expression is longer than " + MAX_LENGTH + " characters");
        }
        return new Expression(text, Parser.parse(text));
    }

    public String text() {
        return text;
    }

    /** Indicators, cells and whole columns the expression reads, in order of first appearance. */
    public Set<Reference> references() {
        return references.keySet();
    }

    /** The 1-based column where a reference first appears, 0 if it does not. */
    public int position(Reference reference) {
        return references.getOrDefault(reference, 0);
    }

    /**
     * @return BigDecimal, String, Boolean, LocalDate, List or null (missing)
     * @throws ExpressionException on a type error or a number beyond the limit
     */
    public Object evaluate(Scope scope) {
        try {
            return root.evaluate(scope);
        } catch (ArithmeticException e) {
            throw new ExpressionException(root.position(), "arithmetic error: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return text;
    }

    private static void collect(Node node, Map<Reference, Integer> found) {
        Reference reference = null;
        if (node instanceof Node.Name name) {
            reference = Reference.name(name.code());
        } else if (node instanceof Node.Cell cell) {
            reference = Reference.cell(cell.table(), cell.column(), cell.row());
        } else if (node instanceof Node.Column column) {
            reference = Reference.column(column.table(), column.column());
        }
        if (reference != null) {
            found.putIfAbsent(reference, node.position());
        }
        node.children().forEach(child -> collect(child, found));
    }
}
