package org.oko.vpr.internal.objectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oko.procedure.api.Flag;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.spec.TestSpec.Level;
import org.oko.vpr.internal.spec.TestSpec.Task;
import org.oko.vpr.internal.stats.Result;
import org.oko.vpr.internal.stats.Stats;

/** Each sign raised by figures made to show it, and none on an ordinary school. */
class ObjectivityTest {

    // Four tasks of 1 point; marks: 3 from 2, 4 from 3, 5 from 4.
    static final TestSpec SPEC = new TestSpec(2026, "math", "Математика", 5, 1,
            List.of(new Task("1", 1, Level.BASIC), new Task("2", 1, Level.BASIC), new Task("3", 1, Level.HIGH), new Task("4", 1, Level.HIGH)),
            new TestSpec.Scale(2, 3, 4));

    static final ObjectivityRules DEFAULTS = (ObjectivityRules) Proxy.newProxyInstance(ObjectivityTest.class.getClassLoader(),
            new Class<?>[] {ObjectivityRules.class}, (proxy, method, args) -> method.getDefaultValue());

    private final Objectivity objectivity = new Objectivity(DEFAULTS);

    static Stats works(int count, int a, int b, int c, int d, int journal) {
        Stats stats = new Stats(SPEC);
        return add(stats, count, a, b, c, d, journal);
    }

    static Stats add(Stats stats, int count, int a, int b, int c, int d, int journal) {
        for (int i = 0; i < count; i++) {
            int total = a + b + c + d;
            stats.add(new Result("p" + i, "S", "5А", 1, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}, total, SPEC.scale().markFor(total), journal));
        }
        return stats;
    }

    /** The region: easy tasks solved by 80 %, hard ones by 20 %; one in ten gets a 5. */
    static Stats region() {
        Stats region = works(10, 1, 1, 1, 1, 5);   // 5
        add(region, 60, 1, 1, 0, 0, 3);            // 3
        add(region, 10, 1, 1, 1, 0, 4);            // 4
        add(region, 20, 0, 0, 0, 0, 2);            // 2
        return region;
    }

    private static List<String> rules(List<Flag> flags) {
        return flags.stream().map(Flag::rule).toList();
    }

    @Test
    void anOrdinarySchoolRaisesNothing() {
        Stats school = works(2, 1, 1, 1, 1, 5);
        add(school, 14, 1, 1, 0, 0, 3);
        add(school, 4, 0, 0, 0, 0, 2);
        assertEquals(List.of(), objectivity.judge("S", SPEC, school, region(), null));
    }

    @Test
    void topMarksFarAboveTheRegionsShare() {
        Stats school = works(12, 1, 1, 1, 1, 5);   // 60 % fives against 10 %
        add(school, 8, 1, 1, 0, 0, 3);
        List<Flag> flags = objectivity.judge("S", SPEC, school, region(), null);
        assertTrue(rules(flags).contains("TOP_MARKS"), flags.toString());
        Flag top = flags.stream().filter(f -> f.rule().equals("TOP_MARKS")).findFirst().orElseThrow();
        assertEquals("«5» у 60.0% участников школы при 10.0% по региону (в 6.0 раза; порог — в 2.0 раза и не менее 30%)", top.explanation());
        assertEquals(60.0, top.figures().get("school_share_5"));
    }

    @Test
    void journalMarksFarBelowTheVprMarks() {
        Stats school = works(8, 1, 1, 1, 0, 3);    // ВПР 4, journal 3: raised
        add(school, 12, 1, 1, 0, 0, 3);            // confirmed
        List<Flag> flags = objectivity.judge("S", SPEC, school, region(), null);
        assertEquals(List.of("JOURNAL_RAISED"), rules(flags));
        assertTrue(flags.get(0).explanation().startsWith("повысили отметку 40.0% участников (порог 30%)"), flags.get(0).explanation());
    }

    @Test
    void hardTasksSolvedMoreOftenThanEasyOnes() {
        Stats school = works(20, 0, 1, 1, 1, 0);   // easy tasks 50 %, hard ones 100 %
        List<Flag> flags = objectivity.judge("S", SPEC, school, region(), null);
        assertTrue(rules(flags).contains("TASK_PROFILE"), flags.toString());
        Flag profile = flags.stream().filter(f -> f.rule().equals("TASK_PROFILE")).findFirst().orElseThrow();
        assertEquals("сложные задания [3, 4] решены на 100.0%, простые [1, 2] — на 50.0%", profile.explanation());
    }

    @Test
    void aSharpRiseSinceLastYear() {
        Stats now = works(10, 1, 1, 1, 0, 0);      // quality 50 %
        add(now, 10, 1, 1, 0, 0, 0);
        Stats before = works(20, 1, 1, 0, 0, 0);   // quality 0 %
        assertEquals(List.of("YEAR_JUMP"), rules(objectivity.judge("S", SPEC, now, region(), before)));
        assertEquals(List.of(), objectivity.judge("S", SPEC, now, region(), null), "no earlier year, no comparison");
    }

    @Test
    void tooFewWorksAreNotJudged() {
        assertEquals(List.of(), objectivity.judge("S", SPEC, works(9, 1, 1, 1, 1, 2), region(), null));
    }
}
