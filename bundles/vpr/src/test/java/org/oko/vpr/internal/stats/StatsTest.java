package org.oko.vpr.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.spec.TestSpec.Level;
import org.oko.vpr.internal.spec.TestSpec.Task;

/** Every figure of form 7 against a small class worked out by hand. */
class StatsTest {

    // Three tasks: maxima 1, 2, 2 (total 5); marks: 3 from 2 points, 4 from 3, 5 from 5.
    static final TestSpec SPEC = new TestSpec(2026, "math", "Математика", 5, 1,
            List.of(new Task("1", 1, Level.BASIC), new Task("2", 2, Level.BASIC), new Task("3", 2, Level.HIGH)),
            new TestSpec.Scale(2, 3, 5));

    static Result work(String code, int a, int b, int c, int journal) {
        int total = a + b + c;
        return new Result(code, "S1", "5А", 1, new byte[] {(byte) a, (byte) b, (byte) c}, total, SPEC.scale().markFor(total), journal);
    }

    @Test
    void theFiguresOfFormSevenForSixWorks() {
        Stats stats = new Stats(SPEC)
                .add(work("p1", 1, 2, 2, 5))  // 5 points → 5, journal 5: confirmed
                .add(work("p2", 1, 2, 0, 5))  // 3 → 4, journal 5: lowered
                .add(work("p3", 1, 1, 0, 3))  // 2 → 3, journal 3: confirmed
                .add(work("p4", 0, 1, 0, 4))  // 1 → 2, journal 4: lowered
                .add(work("p5", 1, 2, 1, 3))  // 4 → 4, journal 3: raised
                .add(work("p6", 0, 0, 0, 0)); // 0 → 2, no journal mark

        assertEquals(6, stats.participants());
        // Marks: 2 ×2, 3 ×1, 4 ×2, 5 ×1 of 6.
        assertEquals(new BigDecimal("33.3"), stats.markShare(2));
        assertEquals(new BigDecimal("16.7"), stats.markShare(3));
        assertEquals(new BigDecimal("33.3"), stats.markShare(4));
        assertEquals(new BigDecimal("16.7"), stats.markShare(5));
        assertEquals(new BigDecimal("50.0"), stats.quality());       // (2 + 1) / 6
        assertEquals(new BigDecimal("66.7"), stats.success());       // (1 + 2 + 1) / 6
        assertEquals(new BigDecimal("2.5"), stats.meanScore());      // (5+3+2+1+4+0) / 6 = 15 / 6
        // Task 1: 4 of 6 points; task 2: 8 of 12; task 3: 3 of 12.
        assertEquals(List.of(new BigDecimal("66.7"), new BigDecimal("66.7"), new BigDecimal("25.0")), stats.taskSuccess());
        // Of the five with a journal mark: lowered 2, confirmed 2, raised 1.
        assertEquals(5, stats.withJournal());
        assertEquals(new BigDecimal("40.0"), stats.lowered());
        assertEquals(new BigDecimal("40.0"), stats.confirmed());
        assertEquals(new BigDecimal("20.0"), stats.raised());
    }

    @Test
    void anEmptyGroupHasNoFiguresRatherThanZeros() {
        Stats stats = new Stats(SPEC);
        assertEquals(0, stats.participants());
        assertNull(stats.quality());
        assertNull(stats.meanScore());
        assertNull(stats.lowered());
    }

    @Test
    void theScaleGivesTheMarkAtItsBoundaries() {
        assertEquals(2, SPEC.scale().markFor(1));
        assertEquals(3, SPEC.scale().markFor(2));
        assertEquals(4, SPEC.scale().markFor(3));
        assertEquals(4, SPEC.scale().markFor(4));
        assertEquals(5, SPEC.scale().markFor(5));
        assertEquals(List.of(), SPEC.problems());
    }
}
