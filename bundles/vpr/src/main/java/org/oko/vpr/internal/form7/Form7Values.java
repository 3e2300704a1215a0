package org.oko.vpr.internal.form7;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oko.forms.api.FormCalculator;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Table;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Stats;

/**
 * МИАС form 7's results table from a school's works: per test (row {@code <grade>-<subject>}, as the
 * specs name them: {@code 5-math}) the participants, the marks 2–5 and the journal marks confirmed, raised
 * and lowered, as counts ({@code vpr_results.mark4[5-math]}). Quality and success are the form's own
 * computed columns. Pure: the school's figures by row in, the values by key out.
 */
public final class Form7Values {

    public static final String FORM = "miac-7";
    static final String TABLE = "vpr_results";
    static final List<String> COLUMNS = List.of("participants", "mark2", "mark3", "mark4", "mark5", "confirmed", "raised", "lowered");
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");

    private Form7Values() {
    }

    /** The form's row of a test. */
    public static String row(TestSpec spec) {
        return spec.grade() + "-" + spec.subject();
    }

    /**
     * The cells this module fills in this version of the form: those of the rows of the tests it has a spec for
     * (any year). The rows of other tests stay typed in by hand.
     */
    public static Set<String> keys(FormDefinition definition, Collection<String> tests) {
        Set<String> keys = new LinkedHashSet<>();
        if (definition.item(TABLE).orElse(null) instanceof Table table) {
            for (RowSpec row : table.rows().known()) {
                if (tests.contains(row.key())) {
                    COLUMNS.forEach(column -> keys.add(cell(column, row.key())));
                }
            }
        }
        return FormCalculator.present(definition, keys);
    }

    /** The year of a form's period: its first 20xx ("2026", "miac-2026"); the current year when it has none. */
    public static int year(String period) {
        Matcher year = period == null ? null : YEAR.matcher(period);
        return year != null && year.find() ? Integer.parseInt(year.group(1)) : LocalDate.now().getYear();
    }

    /** The values of the keys wanted, from the school's figures by row; rows without works get no values. */
    public static Map<String, Object> of(Map<String, Stats> byRow, Set<String> wanted) {
        Map<String, Object> values = new LinkedHashMap<>();
        byRow.forEach((row, stats) -> {
            if (stats.participants() == 0) {
                return;
            }
            put(values, wanted, cell("participants", row), stats.participants());
            for (int mark = 2; mark <= 5; mark++) {
                put(values, wanted, cell("mark" + mark, row), stats.markCount(mark));
            }
            put(values, wanted, cell("confirmed", row), stats.confirmedCount());
            put(values, wanted, cell("raised", row), stats.raisedCount());
            put(values, wanted, cell("lowered", row), stats.loweredCount());
        });
        return values;
    }

    static String cell(String column, String row) {
        return TABLE + "." + column + "[" + row + "]";
    }

    private static void put(Map<String, Object> values, Set<String> wanted, String key, int value) {
        if (wanted.contains(key)) {
            values.put(key, value);
        }
    }
}
