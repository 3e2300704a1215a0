package org.oko.vpr.internal.form7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Rows;
import org.oko.forms.api.Section;
import org.oko.forms.api.SectionItem;
import org.oko.forms.api.Table;
import org.oko.forms.api.Text;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.spec.TestSpec.Level;
import org.oko.vpr.internal.spec.TestSpec.Task;
import org.oko.vpr.internal.stats.Result;
import org.oko.vpr.internal.stats.Stats;

/** Form 7's cells from a school's works worked out by hand, the rows it fills, and the year a period reports. */
class Form7ValuesTest {

    // Three tasks: maxima 1, 2, 2 (total 5); marks: 3 from 2 points, 4 from 3, 5 from 5.
    static final TestSpec MATH5 = new TestSpec(2026, "math", "Математика", 5, 1,
            List.of(new Task("1", 1, Level.BASIC), new Task("2", 2, Level.BASIC), new Task("3", 2, Level.HIGH)),
            new TestSpec.Scale(2, 3, 5));
    static final TestSpec RUS5 = new TestSpec(2026, "rus", "Русский язык", 5, 1, MATH5.tasks(), MATH5.scale());

    static Result work(int a, int b, int c, int journal) {
        int total = a + b + c;
        return new Result("p", "S1", "5А", 1, new byte[] {(byte) a, (byte) b, (byte) c}, total, MATH5.scale().markFor(total), journal);
    }

    /** Form 7 as the definition has it, cut down: the total and the table with three of its rows. */
    static FormDefinition form(String... rows) {
        List<Indicator> columns = Form7Values.COLUMNS.stream().map(Form7ValuesTest::integer).toList();
        List<RowSpec> fixed = java.util.Arrays.stream(rows).map(row -> new RowSpec(row, Text.of(row))).toList();
        List<SectionItem> items = List.of(integer("vpr_participants_total"),
                new Table("vpr_results", Text.of("Результаты"), null, new Rows(Rows.Kind.FIXED, fixed, null, null), columns, null));
        return new FormDefinition("miac-7", 1, Text.of("Форма 7"), null, List.of(new Section("vpr", Text.of("ВПР"), null, items)), List.of(), null);
    }

    static Indicator integer(String code) {
        return new Indicator(code, Text.of(code), null, IndicatorType.INTEGER, null, false, null, null, null, null, null, null);
    }

    @Test
    void thePeriodReportsTheTestsOfItsYear() {
        assertEquals(2026, Form7Values.year("2026"));
        assertEquals(2025, Form7Values.year("miac-2025"));
        assertEquals("5-math", Form7Values.row(MATH5));
    }

    @Test
    void onlyTheRowsOfTestsTheModuleKnowsAreFilledAndNeverTheTotal() {
        Set<String> keys = Form7Values.keys(form("4-rus", "5-rus", "5-math"), Set.of("5-math", "5-rus", "6-bio"));
        assertEquals(16, keys.size()); // two rows × eight columns; 6-bio is no row of the form
        assertTrue(keys.contains("vpr_results.participants[5-math]"));
        assertTrue(keys.contains("vpr_results.lowered[5-rus]"));
        assertTrue(keys.stream().noneMatch(key -> key.endsWith("[4-rus]")), keys.toString());
        assertFalse(keys.contains("vpr_participants_total"));
        assertEquals(Set.of(), Form7Values.keys(new FormDefinition("miac-7", 2, Text.of("Форма 7"), null,
                List.of(new Section("vpr", Text.of("ВПР"), null, List.of(integer("vpr_participants_total")))), List.of(), null), Set.of("5-math")));
    }

    @Test
    void theSchoolsCountsFillTheCellsOfItsRows() {
        Stats math = new Stats(MATH5)
                .add(work(1, 2, 2, 5))  // 5 points → 5, journal 5: confirmed
                .add(work(1, 2, 0, 5))  // 3 → 4, journal 5: lowered
                .add(work(1, 1, 0, 3))  // 2 → 3, journal 3: confirmed
                .add(work(0, 1, 0, 4))  // 1 → 2, journal 4: lowered
                .add(work(1, 2, 1, 3))  // 4 → 4, journal 3: raised
                .add(work(0, 0, 0, 0)); // 0 → 2, no journal mark: in the marks, not in the comparison
        Map<String, Stats> byRow = new LinkedHashMap<>();
        byRow.put("5-math", math);
        byRow.put("5-rus", new Stats(RUS5)); // no works: the row stays empty
        Set<String> wanted = Form7Values.keys(form("4-rus", "5-rus", "5-math"), Set.of("5-math", "5-rus"));

        Map<String, Object> values = Form7Values.of(byRow, wanted);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("vpr_results.participants[5-math]", 6);
        expected.put("vpr_results.mark2[5-math]", 2);
        expected.put("vpr_results.mark3[5-math]", 1);
        expected.put("vpr_results.mark4[5-math]", 2);
        expected.put("vpr_results.mark5[5-math]", 1);
        expected.put("vpr_results.confirmed[5-math]", 2);
        expected.put("vpr_results.raised[5-math]", 1);
        expected.put("vpr_results.lowered[5-math]", 2);
        assertEquals(expected, values);
        assertEquals(Map.of("vpr_results.mark5[5-math]", 1), Form7Values.of(byRow, Set.of("vpr_results.mark5[5-math]")));
    }
}
