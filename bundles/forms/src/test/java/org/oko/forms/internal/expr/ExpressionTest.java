package org.oko.forms.internal.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ExpressionTest {

    private final MapScope scope = new MapScope()
            .with("a", n("2")).with("b", n("3")).with("c", n("4")).with("zero", n("0"))
            .with("name", "Лицей").with("yes", true).with("no", false)
            .with("opened", LocalDate.of(2020, 9, 1))
            .with("clubs", List.of("chess", "robotics"))
            .with("pupils.boys[1]", n("10")).with("pupils.boys[2]", n("12"))
            .with("pupils.girls[1]", n("11")).with("pupils.girls[3]", n("9"))
            .with("units.count[main]", n("5")).with("units.count[Филиал 1]", n("7"));

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private Object eval(String text) {
        return Expression.parse(text).evaluate(scope);
    }

    private void assertNumber(String expected, String text) {
        Object value = eval(text);
        assertTrue(value instanceof BigDecimal, text + " gave " + value);
        assertEquals(0, n(expected).compareTo((BigDecimal) value), text + " gave " + value);
    }

    private ExpressionException parseError(String text) {
        return assertThrows(ExpressionException.class, () -> Expression.parse(text), text);
    }

    @Test
    void literals() {
        assertNumber("12", "12");
        assertNumber("3.5", "3.5");
        assertEquals("text", eval("'text'"));
        assertEquals("it's", eval("'it''s'"));
        assertEquals("двойные", eval("\"двойные\""));
        assertEquals(true, eval("true"));
        assertEquals(false, eval("false"));
        assertNull(eval("null"));
    }

    @Test
    void precedence() {
        assertNumber("14", "a + b * c");
        assertNumber("20", "(a + b) * c");
        assertNumber("-1", "a - b");
        assertNumber("-3", "a - b - a");
        assertNumber("0.5", "a / c");
        assertNumber("6", "-a * -b");
        assertNumber("1", "c / a / a");
        assertEquals(true, eval("a + b > c"));
        assertEquals(true, eval("no and no or yes"));
        assertEquals(false, eval("no and (no or yes)"));
        assertEquals(true, eval("not no and yes"));
        assertEquals(false, eval("not a < b"));
        assertEquals(true, eval("a < b and b < c"));
    }

    @Test
    void comparisons() {
        assertEquals(true, eval("a = 2"));
        assertEquals(true, eval("a = 2.00"));
        assertEquals(true, eval("a != b"));
        assertEquals(true, eval("a <= 2"));
        assertEquals(false, eval("a >= b"));
        assertEquals(true, eval("name = 'Лицей'"));
        assertEquals(true, eval("'a' < 'b'"));
        assertEquals(true, eval("yes = true"));
        assertEquals(true, eval("no < yes"));
        assertEquals(false, eval("opened > opened"));
        assertEquals(true, eval("opened = opened"));
        assertThrows(ExpressionException.class, () -> eval("a = 'x'"));
        assertThrows(ExpressionException.class, () -> eval("opened < 2"));
    }

    @Test
    void chainedComparisonIsAParseError() {
        ExpressionException e = parseError("a < b < c");
        assertEquals(7, e.position());
    }

    @Test
    void cellsAndColumns() {
        assertNumber("10", "pupils.boys[1]");
        assertNumber("5", "units.count[main]");
        assertNumber("7", "units.count['Филиал 1']");
        assertNumber("22", "sum(pupils.boys)");
        assertNumber("42", "sum(pupils.boys, pupils.girls)");
        assertNumber("43", "sum(pupils.boys, pupils.girls, 1, null)");
        assertNull(eval("pupils.boys[3]"));
    }

    @Test
    void aggregates() {
        assertNumber("9", "min(pupils.boys, pupils.girls)");
        assertNumber("12", "max(pupils.boys, pupils.girls)");
        assertNumber("10.5", "avg(pupils.boys, pupils.girls)");
        assertNumber("4", "count(pupils.boys, pupils.girls)");
        assertNumber("0", "count(pupils.missing)");
        assertNull(eval("sum(pupils.missing)"));
        assertNull(eval("avg(null, pupils.missing)"));
        assertNull(eval("min(pupils.missing)"));
        assertEquals("a", eval("min('b', 'a')"));
        assertEquals(LocalDate.of(2020, 9, 1), eval("max(opened)"));
        assertNumber("2", "count(a, null, name, pupils.boys[3])");
        assertThrows(ExpressionException.class, () -> eval("sum(name)"));
    }

    @Test
    void scalarFunctions() {
        assertNumber("2", "abs(-a)");
        assertNumber("3.33", "round(10 / 3, 2)");
        assertNumber("3", "round(2.5)");
        assertNumber("-3", "round(-2.5, 0)");
        assertNumber("120", "round(123, -1)");
        assertNumber("2", "if(yes, a, b)");
        assertNumber("3", "if(no, a, b)");
        assertNull(eval("if(missing, a, b)"));
        assertNumber("2", "if(yes, a, 1 / name)");
        assertEquals(true, eval("empty(missing)"));
        assertEquals(false, eval("empty(a)"));
        assertEquals(true, eval("empty('')"));
        assertNumber("3", "coalesce(missing, null, b, a)");
        assertNull(eval("coalesce(missing)"));
        assertNumber("50", "share(a, c)");
        assertNull(eval("share(a, zero)"));
        assertNull(eval("share(missing, c)"));
        assertEquals(true, eval("contains(clubs, 'chess')"));
        assertEquals(false, eval("contains(clubs, 'football')"));
        assertNull(eval("contains(missing, 'chess')"));
        assertNumber("5", "len(name)");
        assertNumber("2", "len(clubs)");
        assertNull(eval("len(missing)"));
        assertThrows(ExpressionException.class, () -> eval("round(a, 0.5)"));
        assertThrows(ExpressionException.class, () -> eval("round(a, 1000)"));
        assertThrows(ExpressionException.class, () -> eval("abs(name)"));
    }

    @Test
    void arity() {
        assertEquals("if takes 3 arguments, not 2", parseError("if(a, b)").detail());
        assertEquals("abs takes 1 argument, not 0", parseError("abs()").detail());
        assertEquals("sum takes at least 1 argument, not 0", parseError("sum()").detail());
    }

    @Test
    void nullSemantics() {
        assertNull(eval("missing + 1"));
        assertNull(eval("-missing"));
        assertNull(eval("missing * 0"));
        assertNull(eval("missing = 1"));
        assertNull(eval("missing = null"));
        assertNull(eval("not missing"));
        assertEquals(false, eval("no and missing"));
        assertEquals(false, eval("missing and no"));
        assertNull(eval("yes and missing"));
        assertEquals(true, eval("yes or missing"));
        assertEquals(true, eval("missing or yes"));
        assertNull(eval("no or missing"));
        assertNull(eval("missing or missing"));
    }

    @Test
    void divisionByZeroIsMissing() {
        assertNull(eval("a / zero"));
        assertNull(eval("a / 0"));
        assertNull(eval("(a / 0) + 1"));
        assertNumber("0.3333333333333333333333333333333333", "1 / 3");
    }

    @Test
    void hugeNumbersAreErrors() {
        assertNumber("1e30", "1000000000000000 * 1000000000000000");
        assertThrows(ExpressionException.class, () -> eval("1000000000000000 * 1000000000000000 * 10"));
        assertThrows(ExpressionException.class, () -> eval("1 / 0.0000000000000000000000000000001"));
        assertThrows(ExpressionException.class, () -> Expression.parse("1" + "0".repeat(40)));
        ExpressionException e = assertThrows(ExpressionException.class,
                () -> Expression.parse("big * big").evaluate(new MapScope().with("big", n("1e31"))));
        assertTrue(e.detail().contains("too large"));
    }

    @Test
    void typeErrors() {
        assertThrows(ExpressionException.class, () -> eval("name + 1"));
        assertThrows(ExpressionException.class, () -> eval("a and yes"));
        assertThrows(ExpressionException.class, () -> eval("not a"));
        assertThrows(ExpressionException.class, () -> eval("if(a, 1, 2)"));
    }

    @Test
    void deepNestingAndLongTextAreRefused() {
        assertNumber("1", "(".repeat(60) + "1" + ")".repeat(60));
        ExpressionException deep = parseError("(".repeat(100) + "1" + ")".repeat(100));
        assertTrue(deep.detail().contains("nested too deeply"));
        parseError("-".repeat(100) + "1");
        parseError("not ".repeat(100) + "true");
        parseError("abs(".repeat(100) + "1" + ")".repeat(100));
        ExpressionException longText = parseError("1" + " + 1".repeat(600));
        assertTrue(longText.detail().contains("longer than 2000"));
        assertNumber("400", "1" + " + 1".repeat(399));
    }

    @Test
    void parseErrorsCarryTheirColumn() {
        assertEquals(5, parseError("a + ").position());
        assertEquals(3, parseError("a b").position());
        assertEquals(1, parseError("").position());
        assertEquals(7, parseError("(a + b").position());
        assertEquals(5, parseError("a + 'open").position());
        assertEquals(1, parseError("foo(1)").position());
        assertEquals("unknown function 'foo'", parseError("foo(1)").detail());
        assertEquals(5, parseError("a = ?").position());
        assertEquals(3, parseError("12abc").position());
        assertEquals(5, parseError("sum(t.c + 1)").position());
        assertEquals(1, parseError("t.c").position());
        assertEquals(5, parseError("abs(t.c)").position());
        assertEquals(5, parseError("t.c[1.5]").position());
        assertEquals(3, parseError("a.[1]").position());
        assertEquals(6, parseError("a and").position());
    }

    @Test
    void sandboxEscapesAreParseErrors() {
        for (String attempt : List.of("java.lang.Runtime.getRuntime()", "''.getClass()", "a[0].b()", "${x}", "#{x}",
                "System.exit(1)", "a.b.c", "a.getClass()", "Runtime.getRuntime().exec('rm')", "new File('x')",
                "a; b", "a = b; c", "x -> x", "T(java.lang.System)", "@a", "a\\u0000", "`ls`",
                "sum.class", "pupils.boys[1].intValue()", "'a' 'b'", "{}", "a || b", "!a", "a == b")) {
            ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(attempt), attempt);
            assertTrue(e.position() > 0, attempt);
        }
    }

    @Test
    void references() {
        Expression expression = Expression.parse("sum(pupils.total) = pupils_total and pupils.boys[5] >= 0 or pupils_total > 1");
        assertEquals(Set.of(Reference.column("pupils", "total"), Reference.name("pupils_total"),
                Reference.cell("pupils", "boys", "5")), expression.references());
        assertEquals(5, expression.position(Reference.column("pupils", "total")));
        assertEquals(21, expression.position(Reference.name("pupils_total")));
        assertEquals("pupils.boys[5]", Reference.cell("pupils", "boys", "5").key());
        assertEquals(Set.of(), Expression.parse("1 + 2").references());
    }
}
