package org.oko.forms.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;

class ValueCodecTest {

    private static Indicator of(IndicatorType type) {
        return Defs.input("x", type, false);
    }

    private static Object ok(IndicatorType type, Object raw) {
        ValueCodec.Decoded decoded = ValueCodec.decode(of(type), raw);
        assertTrue(decoded.ok(), raw + " as " + type + ": " + decoded.error());
        return decoded.value();
    }

    private static void refused(IndicatorType type, Object raw) {
        ValueCodec.Decoded decoded = ValueCodec.decode(of(type), raw);
        assertFalse(decoded.ok(), raw + " as " + type + " gave " + decoded.value());
        assertNull(decoded.value());
        assertTrue(decoded.error().en() != null && !decoded.error().ru().isBlank());
    }

    @Test
    void numbers() {
        assertEquals(new BigDecimal("12"), ok(IndicatorType.INTEGER, 12));
        assertEquals(new BigDecimal("12"), ok(IndicatorType.INTEGER, 12L));
        assertEquals(new BigDecimal("3.5"), ok(IndicatorType.DECIMAL, 3.5));
        assertEquals(new BigDecimal("3.5"), ok(IndicatorType.DECIMAL, "3,5"));
        assertEquals(new BigDecimal("3.5"), ok(IndicatorType.DECIMAL, " 3.5 "));
        assertEquals(new BigDecimal("1234567.89"), ok(IndicatorType.DECIMAL, "1 234 567,89"));
        assertEquals(new BigDecimal("1234"), ok(IndicatorType.INTEGER, "1\u00A0234"));
        assertEquals(new BigDecimal("-5"), ok(IndicatorType.INTEGER, "-5"));
        assertEquals(new BigDecimal("0.1"), ok(IndicatorType.PERCENT, new BigDecimal("0.1")));
        assertEquals(new BigDecimal("7.5"), ok(IndicatorType.INTEGER, "7.5"), "a fraction is the evaluator's 'type' check");
        for (Object bad : Arrays.asList("abc", "1,2,3", "1e5", "12 abc", true, List.of(1), Double.NaN, "1" + "0".repeat(20), ".5")) {
            refused(IndicatorType.DECIMAL, bad);
        }
    }

    @Test
    void missing() {
        assertNull(ok(IndicatorType.INTEGER, null));
        assertNull(ok(IndicatorType.TEXT, "   "));
        assertNull(ok(IndicatorType.MULTI_CHOICE, List.of()));
    }

    @Test
    void dates() {
        assertEquals(LocalDate.of(2024, 9, 1), ok(IndicatorType.DATE, "2024-09-01"));
        assertEquals(LocalDate.of(2024, 9, 1), ok(IndicatorType.DATE, "01.09.2024"));
        assertEquals(LocalDate.of(2024, 2, 29), ok(IndicatorType.DATE, "29.02.2024"));
        for (Object bad : List.of("2023-02-29", "31.04.2024", "1.9.2024", "2024/09/01", "вчера", 20240901)) {
            refused(IndicatorType.DATE, bad);
        }
        assertEquals("2024-09-01", ValueCodec.encode(LocalDate.of(2024, 9, 1)));
    }

    @Test
    void booleansTextsAndChoices() {
        assertEquals(true, ok(IndicatorType.BOOLEAN, true));
        assertEquals(false, ok(IndicatorType.BOOLEAN, "false"));
        refused(IndicatorType.BOOLEAN, "да");
        refused(IndicatorType.BOOLEAN, 1);
        assertEquals("Лицей № 1", ok(IndicatorType.TEXT, " Лицей № 1 "));
        assertEquals("12", ok(IndicatorType.TEXT, 12));
        assertEquals("lyceum", ok(IndicatorType.CHOICE, "lyceum"));
        refused(IndicatorType.TEXT, true);
        refused(IndicatorType.TEXT, Map.of("a", 1));
        refused(IndicatorType.TEXT, "я".repeat(ValueCodec.MAX_TEXT + 1));
        assertEquals(List.of("chess", "robotics"), ok(IndicatorType.MULTI_CHOICE, List.of("chess", "robotics", "chess")));
        assertEquals(List.of("chess"), ok(IndicatorType.MULTI_CHOICE, "chess"));
        refused(IndicatorType.MULTI_CHOICE, List.of("chess", 1));
    }

    @Test
    void encodeKeepsOtherValues() {
        assertEquals(new BigDecimal("1.5"), ValueCodec.encode(new BigDecimal("1.5")));
        assertEquals(List.of("a"), ValueCodec.encode(List.of("a")));
        assertNull(ValueCodec.encode(null));
        assertEquals(true, ValueCodec.encode(true));
    }
}
