package org.oko.forms.internal.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits expression text into tokens. Deliberately small: any character outside the language
 * ({@code $ # { } ; ' ' @ \} …) is an error here, before the parser sees it.
 */
final class Lexer {

    private static final String TWO_CHAR = "!=<=>=";

    private final String text;
    private int index;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new Lexer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (index >= text.length()) {
                tokens.add(new Token(Token.Type.END, "", index + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
    }

    private Token next() {
        char c = text.charAt(index);
        int start = index;
        if (isAsciiDigit(c)) {
            return number(start);
        }
        if (isAsciiLetter(c)) {
            while (index < text.length() && (isAsciiLetter(text.charAt(index)) || isAsciiDigit(text.charAt(index))
                    || text.charAt(index) == '_')) {
                index++;
            }
            return new Token(Token.Type.IDENTIFIER, text.substring(start, index), start + 1);
        }
        if (c == '\'' || c == '"') {
            return string(start, c);
        }
        if (index + 1 < text.length()) {
            String two = text.substring(index, index + 2);
            if (TWO_CHAR.contains(two) && two.charAt(1) == '=') {
                index += 2;
                return new Token(Token.Type.SYMBOL, two, start + 1);
            }
        }
        if ("+-*/()[],.=<>".indexOf(c) >= 0) {
            index++;
            return new Token(Token.Type.SYMBOL, String.valueOf(c), start + 1);
        }
        throw new ExpressionException(start + 1, "unexpected character '" + c + "'");
    }

    private Token number(int start) {
        while (index < text.length() && isAsciiDigit(text.charAt(index))) {
            index++;
        }
        if (index < text.length() && text.charAt(index) == '.'
                && index + 1 < text.length() && isAsciiDigit(text.charAt(index + 1))) {
            index++;
            while (index < text.length() && isAsciiDigit(text.charAt(index))) {
                index++;
            }
        }
        if (index < text.length() && (isAsciiLetter(text.charAt(index)) || text.charAt(index) == '_')) {
            throw new ExpressionException(index + 1, "a number cannot be followed by a letter");
        }
        return new Token(Token.Type.NUMBER, text.substring(start, index), start + 1);
    }

    /** A quoted text; the quote itself is written doubled ({@code 'it''s'}); no backslash escapes. */
    private Token string(int start, char quote) {
        StringBuilder value = new StringBuilder();
        index++;
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c == quote) {
                if (index < text.length() && text.charAt(index) == quote) {
                    value.append(quote);
                    index++;
                } else {
                    return new Token(Token.Type.STRING, value.toString(), start + 1);
                }
            } else {
                value.append(c);
            }
        }
        throw new ExpressionException(start + 1, "text is not closed with " + quote);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
