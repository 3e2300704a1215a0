package org.oko.vpr.internal.remarking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.spec.TestSpec.Level;
import org.oko.vpr.internal.spec.TestSpec.Task;

/** Discrepancies per school, expert and task for four works worked out by hand. */
class RemarkReportTest {

    // Two tasks of 2 points; marks 3/4/5 from 1/2/4 points.
    static final TestSpec SPEC = new TestSpec(2026, "math", "Математика", 5, 1,
            List.of(new Task("1", 2, Level.BASIC), new Task("2", 2, Level.HIGH)), new TestSpec.Scale(1, 2, 4));

    static RemarkReport.Work work(String school, String expert, int a, int b, Integer ra, Integer rb) {
        return new RemarkReport.Work(school, expert, new byte[] {(byte) a, (byte) b},
                ra == null ? null : new byte[] {ra.byteValue(), rb.byteValue()});
    }

    @Test
    void theExpertsScoresAgainstTheSchools() {
        RemarkReport.Report report = RemarkReport.of(SPEC, List.of(
                work("S1", "e1", 2, 2, 2, 0),      // 4 → 2: mark 5 → 4
                work("S1", "e2", 2, 1, 2, 1),      // 3 → 3: unchanged
                work("S2", "e1", 1, 2, 1, 1),      // 3 → 2: mark 4 → 4, unchanged
                work("S2", "e2", 1, 1, null, null))); // not re-marked yet

        RemarkReport.Group s1 = report.schools().get(0);
        assertEquals("S1", s1.key());
        assertEquals(2, s1.assigned());
        assertEquals(2, s1.done());
        assertEquals(new BigDecimal("3.50"), s1.meanOriginal());
        assertEquals(new BigDecimal("2.50"), s1.meanRemarked());
        assertEquals(new BigDecimal("-1.00"), s1.meanDifference());
        assertEquals(1, s1.marksChanged());
        assertEquals(new BigDecimal("50.0"), s1.marksChangedShare());

        RemarkReport.Group s2 = report.schools().get(1);
        assertEquals(2, s2.assigned());
        assertEquals(1, s2.done());
        assertEquals(new BigDecimal("-1.00"), s2.meanDifference());
        assertEquals(0, s2.marksChanged());

        RemarkReport.Group e1 = report.experts().get(0);
        assertEquals("e1", e1.key());
        assertEquals(2, e1.done());
        assertEquals(new BigDecimal("-1.50"), e1.meanDifference()); // (-2 + -1) / 2
        RemarkReport.Group e2 = report.experts().get(1);
        assertEquals(1, e2.done());
        assertEquals(new BigDecimal("0.00"), e2.meanDifference());

        // Task 1: 2+2+1 → 2+2+1 (no change); task 2: 2+1+2 → 0+1+1, mean difference -1.
        assertEquals(new BigDecimal("0.00"), report.tasks().get(0).meanDifference());
        assertEquals(new BigDecimal("1.67"), report.tasks().get(1).meanOriginal());
        assertEquals(new BigDecimal("0.67"), report.tasks().get(1).meanRemarked());
        assertEquals(new BigDecimal("-1.00"), report.tasks().get(1).meanDifference());
        assertEquals(4, report.total().assigned());
        assertEquals(3, report.total().done());
    }

    @Test
    void nothingReMarkedHasNoFigures() {
        RemarkReport.Report report = RemarkReport.of(SPEC, List.of(work("S1", "e1", 1, 1, null, null)));
        assertNull(report.total().meanDifference());
        assertNull(report.tasks().get(0).meanRemarked());
    }
}
