package org.oko.forms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written parse answers what the grammar's regular expression answers. */
class CellKeyTest {

    private static final Pattern GRAMMAR = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\.([A-Za-z][A-Za-z0-9_]*)\\[([^\\[\\]]+)]");

    @Test
    void parsesAsTheGrammarSays() {
        List<String> keys = List.of("pupils.total[5]", "destinations.all[grade10_own]", "a.b[c]", "t1.c_2[row with spaces]",
                "vpr_results.mark4[4-rus]", "units.staff[10.1]", "pupils_total", "", "pupils.total", "pupils.total[]",
                "pupils.total[5", "pupils.total[5]x", ".total[5]", "pupils.[5]", "1pupils.total[5]", "pupils.1total[5]",
                "pupils.total[[5]]", "pupils.total[5]]", "pupils..total[5]", "p.t[a[b]", "p-q.t[1]", "p.t-q[1]", "p.t[\n]");
        for (String key : keys) {
            Matcher m = GRAMMAR.matcher(key);
            Optional<CellKey> expected = m.matches() ? Optional.of(new CellKey(m.group(1), m.group(2), m.group(3))) : Optional.empty();
            assertEquals(expected, CellKey.parse(key), key);
        }
        assertEquals(Optional.empty(), CellKey.parse(null));
        assertEquals("pupils.total[5]", CellKey.parse("pupils.total[5]").orElseThrow().toString());
    }
}
