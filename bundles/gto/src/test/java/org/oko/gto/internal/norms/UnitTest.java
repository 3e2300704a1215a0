package org.oko.gto.internal.norms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Results and thresholds as people and the order write them. */
class UnitTest {

    @Test
    void minutesAndSecondsAreReadTheWaysTheOrderAndSchoolsWriteThem() {
        assertEquals(new BigDecimal("437"), Unit.MINUTES_SECONDS.parse("7:17"));
        assertEquals(new BigDecimal("437"), Unit.MINUTES_SECONDS.parse("7.17"), "the order's own way");
        assertEquals(new BigDecimal("437"), Unit.MINUTES_SECONDS.parse("7,17"));
        assertEquals(new BigDecimal("437.5"), Unit.MINUTES_SECONDS.parse("7:17,5"));
        assertEquals(new BigDecimal("600"), Unit.MINUTES_SECONDS.parse("10:00"));
        assertNull(Unit.MINUTES_SECONDS.parse("7.5"), "7:05 or 7:50? neither is guessed");
        assertNull(Unit.MINUTES_SECONDS.parse("7:60"));
        assertNull(Unit.MINUTES_SECONDS.parse(437), "a bare number is not a time of minutes");
        assertEquals("7:17", Unit.MINUTES_SECONDS.format(new BigDecimal("437")));
        assertEquals("7:17,5", Unit.MINUTES_SECONDS.format(new BigDecimal("437.5")));
    }

    @Test
    void secondsCentimetresAndCountsAreNumbersWithACommaOrASign() {
        assertEquals(new BigDecimal("6.1"), Unit.SECONDS.parse("6,1"));
        assertEquals(new BigDecimal("6.1"), Unit.SECONDS.parse(6.1));
        assertEquals(new BigDecimal("4"), Unit.CENTIMETRES.parse("+4"));
        assertEquals(new BigDecimal("-2"), Unit.CENTIMETRES.parse("\u22122"), "a typographic minus");
        assertEquals(new BigDecimal("12"), Unit.COUNT.parse(" 12 "));
        assertNull(Unit.COUNT.parse("-"), "the order's dash: no norm");
        assertNull(Unit.SECONDS.parse("быстро"));
        assertEquals("6,1", Unit.SECONDS.format(new BigDecimal("6.10")));
    }

    @Test
    void timesAreLowerBetterTheRestHigher() {
        assertEquals(true, Unit.SECONDS.lowerIsBetter());
        assertEquals(true, Unit.MINUTES_SECONDS.lowerIsBetter());
        assertEquals(false, Unit.CENTIMETRES.lowerIsBetter());
        assertEquals(false, Unit.COUNT.lowerIsBetter());
        assertEquals(Unit.MINUTES_SECONDS, Unit.of("min:s"));
    }
}
