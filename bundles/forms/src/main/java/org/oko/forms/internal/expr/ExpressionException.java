package org.oko.forms.internal.expr;

/**
 * A parse or evaluation error of an expression. Carries the 1-based column so that a form author
 * sees where the mistake is; 0 when no position applies.
 */
public final class ExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String detail;

    public ExpressionException(int position, String detail) {
        super(position > 0 ? "column " + position + ": " + detail : detail);
        this.position = position;
        this.detail = detail;
    }

    /** 1-based column in the expression text, 0 when unknown. */
    public int position() {
        return position;
    }

    /** The message without the position. */
    public String detail() {
        return detail;
    }
}
