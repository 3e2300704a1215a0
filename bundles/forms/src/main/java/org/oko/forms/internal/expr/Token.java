package org.oko.forms.internal.expr;

/** A lexical token; {@code position} is its 1-based column. */
record Token(Type type, String text, int position) {

    enum Type { NUMBER, STRING, IDENTIFIER, SYMBOL, END }

    boolean is(Type type, String text) {
        return this.type == type && this.text.equals(text);
    }

    boolean isSymbol(String symbol) {
        return is(Type.SYMBOL, symbol);
    }

    boolean isKeyword(String keyword) {
        return is(Type.IDENTIFIER, keyword);
    }

    /** How a message names the token. */
    String describe() {
        return switch (type) {
            case END -> "end of expression";
            case STRING -> "text '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
