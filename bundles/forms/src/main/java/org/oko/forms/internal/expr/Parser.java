package org.oko.forms.internal.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser. Precedence, lowest first: or, and, not, comparison, additive,
 * multiplicative, unary minus. Only the forms of the grammar are accepted; anything else
 * (method calls, member access, template syntax) fails here with its column.
 */
final class Parser {

    static final int MAX_DEPTH = 64;
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "true", "false", "null");
    private static final Set<String> COMPARISONS = Set.of("=", "!=", "<", "<=", ">", ">=");

    private final List<Token> tokens;
    private int index;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String text) {
        Parser parser = new Parser(Lexer.tokens(text));
        if (parser.peek().type() == Token.Type.END) {
            throw new ExpressionException(1, "the expression is empty");
        }
        Node node = parser.or();
        Token rest = parser.peek();
        if (rest.type() != Token.Type.END) {
            throw new ExpressionException(rest.position(), "unexpected " + rest.describe());
        }
        checkColumns(node, false);
        return node;
    }

    /** A whole column may only stand directly as an aggregate's argument. */
    private static void checkColumns(Node node, boolean columnAllowed) {
        if (node instanceof Node.Column column && !columnAllowed) {
            throw new ExpressionException(column.position(), "a whole column (" + column.table() + "." + column.column()
                    + ") can only be an argument of sum, min, max, avg or count; a cell is written table.column[row]");
        }
        boolean aggregate = node instanceof Node.Call call && call.function().aggregate();
        node.children().forEach(child -> checkColumns(child, aggregate));
    }

    private Node or() {
        enter();
        Node left = and();
        while (peek().isKeyword("or")) {
            Token operator = next();
            left = new Node.Logical(false, left, and(), operator.position());
        }
        depth--;
        return left;
    }

    private Node and() {
        Node left = not();
        while (peek().isKeyword("and")) {
            Token operator = next();
            left = new Node.Logical(true, left, not(), operator.position());
        }
        return left;
    }

    private Node not() {
        if (peek().isKeyword("not")) {
            Token operator = next();
            enter();
            Node operand = not();
            depth--;
            return new Node.Not(operand, operator.position());
        }
        return comparison();
    }

    private Node comparison() {
        Node left = additive();
        Token operator = peek();
        if (operator.type() == Token.Type.SYMBOL && COMPARISONS.contains(operator.text())) {
            next();
            Node result = new Node.Comparison(operator.text(), left, additive(), operator.position());
            Token after = peek();
            if (after.type() == Token.Type.SYMBOL && COMPARISONS.contains(after.text())) {
                throw new ExpressionException(after.position(), "comparisons cannot be chained; use 'and'");
            }
            return result;
        }
        return left;
    }

    private Node additive() {
        Node left = multiplicative();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            Token operator = next();
            left = new Node.Arithmetic(operator.text(), left, multiplicative(), operator.position());
        }
        return left;
    }

    private Node multiplicative() {
        Node left = unary();
        while (peek().isSymbol("*") || peek().isSymbol("/")) {
            Token operator = next();
            left = new Node.Arithmetic(operator.text(), left, unary(), operator.position());
        }
        return left;
    }

    private Node unary() {
        if (peek().isSymbol("-")) {
            Token operator = next();
            enter();
            Node operand = unary();
            depth--;
            return new Node.Negate(operand, operator.position());
        }
        return primary();
    }

    private Node primary() {
        Token token = next();
        switch (token.type()) {
            case NUMBER:
                return new Node.Literal(number(token), token.position());
            case STRING:
                return new Node.Literal(token.text(), token.position());
            case IDENTIFIER:
                return identifier(token);
            case SYMBOL:
                if (token.isSymbol("(")) {
                    Node inner = or();
                    expect(")", "')' to close the '(' at column " + token.position());
                    return inner;
                }
                break;
            default:
                break;
        }
        throw new ExpressionException(token.position(), "expected a value, found " + token.describe());
    }

    private Node identifier(Token token) {
        switch (token.text()) {
            case "true":
                return new Node.Literal(Boolean.TRUE, token.position());
            case "false":
                return new Node.Literal(Boolean.FALSE, token.position());
            case "null":
                return new Node.Literal(null, token.position());
            case "and", "or", "not":
                throw new ExpressionException(token.position(), "expected a value, found '" + token.text() + "'");
            default:
                break;
        }
        if (peek().isSymbol("(")) {
            return call(token);
        }
        if (peek().isSymbol("[")) {
            throw new ExpressionException(peek().position(), "a cell is written table.column[row]");
        }
        if (!peek().isSymbol(".")) {
            return new Node.Name(token.text(), token.position());
        }
        next();
        Token column = next();
        if (column.type() != Token.Type.IDENTIFIER || KEYWORDS.contains(column.text())) {
            throw new ExpressionException(column.position(), "expected a column code after '" + token.text() + ".', found "
                    + column.describe());
        }
        if (!peek().isSymbol("[")) {
            return new Node.Column(token.text(), column.text(), token.position());
        }
        next();
        String row = row(next());
        expect("]", "']' to close the row");
        return new Node.Cell(token.text(), column.text(), row, token.position());
    }

    private String row(Token token) {
        boolean integer = token.type() == Token.Type.NUMBER && token.text().indexOf('.') < 0;
        boolean text = token.type() == Token.Type.STRING && !token.text().isEmpty()
                && token.text().indexOf('[') < 0 && token.text().indexOf(']') < 0;
        if (integer || text || token.type() == Token.Type.IDENTIFIER) {
            return token.text();
        }
        throw new ExpressionException(token.position(), "expected a row (a code, a whole number or a quoted text), found "
                + token.describe());
    }

    private Node call(Token name) {
        Function function = Function.named(name.text()).orElseThrow(() -> new ExpressionException(name.position(),
                "unknown function '" + name.text() + "'"));
        next();
        List<Node> arguments = new ArrayList<>();
        if (!peek().isSymbol(")")) {
            arguments.add(or());
            while (peek().isSymbol(",")) {
                next();
                arguments.add(or());
            }
        }
        expect(")", "')' or ',' in the arguments of " + function.functionName());
        if (!function.accepts(arguments.size())) {
            throw new ExpressionException(name.position(), function.functionName() + " takes " + function.arity()
                    + ", not " + arguments.size());
        }
        return new Node.Call(function, List.copyOf(arguments), name.position());
    }

    private BigDecimal number(Token token) {
        BigDecimal number = new BigDecimal(token.text());
        if (number.compareTo(Values.LIMIT) > 0) {
            throw new ExpressionException(token.position(), "number too large (the limit is 1e30)");
        }
        return number;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException(peek().position(), "the expression is nested too deeply (more than "
                    + MAX_DEPTH + " levels)");
        }
    }

    private void expect(String symbol, String what) {
        Token token = next();
        if (!token.isSymbol(symbol)) {
            throw new ExpressionException(token.position(), "expected " + what + ", found " + token.describe());
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.type() != Token.Type.END) {
            index++;
        }
        return token;
    }
}
