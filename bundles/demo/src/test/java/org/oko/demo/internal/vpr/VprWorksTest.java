package org.oko.demo.internal.vpr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class VprWorksTest {

    private static final String SPEC = """
            {"year": 2026, "subject": "math", "subjectName": "Математика", "grade": 5, "version": 1,
             "tasks": [{"label": "1", "max": 1, "level": "BASIC"}, {"label": "2", "max": 2, "level": "ADVANCED"},
                       {"label": "3.1", "max": 3, "level": "HIGH"}],
             "scale": {"three": 2, "four": 4, "five": 5}}""";

    private final List<String> schools = IntStream.range(0, 40).mapToObj(i -> String.valueOf(9901001 + i)).toList();

    @Test
    void theSpecIsReadAsThePlatformKeepsIt() throws Exception {
        VprTest test = test();
        assertEquals("2026-math-5", test.key());
        assertEquals(3, test.tasks().size());
        assertEquals(VprTest.Level.HIGH, test.tasks().get(2).level());
        assertEquals(List.of(2, 3, 4, 5), List.of(test.scale().markFor(1), test.scale().markFor(3), test.scale().markFor(4),
                test.scale().markFor(6)));
    }

    @Test
    void testsGoTheNewestYearFirstThenBySubjectAndGrade() {
        List<VprTest> tests = new java.util.ArrayList<>(List.of(new VprTest(2025, "math", 5, List.of(), null),
                new VprTest(2026, "rus", 5, List.of(), null), new VprTest(2026, "math", 6, List.of(), null),
                new VprTest(2026, "math", 5, List.of(), null)));
        tests.sort(VprTest.NEWEST_FIRST);
        assertEquals(List.of("2026-math-5", "2026-math-6", "2026-rus-5", "2025-math-5"), tests.stream().map(VprTest::key).toList());
    }

    @Test
    void theSameTestAndSchoolsGiveTheSameWorksWithConsistentTotalsAndMarks() throws Exception {
        VprTest test = test();
        List<VprWorks.Work> works = VprWorks.generate(test, schools, 2026);
        List<VprWorks.Work> again = VprWorks.generate(test, schools, 2026);
        assertEquals(works.size(), again.size());
        for (int i = 0; i < works.size(); i++) {
            assertEquals(works.get(i).participant(), again.get(i).participant());
            assertArrayEquals(works.get(i).scores(), again.get(i).scores());
        }
        assertTrue(works.size() >= 20 * schools.size() && works.size() < 60 * schools.size(), "20 to 59 participants a school");
        for (VprWorks.Work work : works) {
            int sum = 0;
            for (int t = 0; t < work.scores().length; t++) {
                assertTrue(work.scores()[t] <= test.tasks().get(t).max());
                sum += work.scores()[t];
            }
            assertEquals(sum, work.total());
            assertEquals(test.scale().markFor(sum), work.mark());
            assertTrue(work.journalMark() >= 2 && work.journalMark() <= 5);
            assertEquals("5А", work.className());
        }
        assertEquals("2026-math-5-9901001-000", works.get(0).participant());
    }

    @Test
    void theInflatedSchoolsOfThisYearHaveJournalMarksBelowTheirMarks() throws Exception {
        List<VprWorks.Work> works = VprWorks.generate(test(), schools, 2026);
        String inflated = schools.get(5); // every 23rd school from the 6th
        assertTrue(works.stream().filter(w -> w.school().equals(inflated)).allMatch(w -> w.journalMark() <= Math.max(2, w.mark() - 1)));
    }

    @Test
    void theFileHasVprsHeadersAndOneLinePerWork() throws Exception {
        VprTest test = test();
        List<VprWorks.Work> works = VprWorks.generate(test, schools.subList(0, 2), 2025);
        String[] lines = VprWorks.csv(test, works).split("\r\n");
        assertEquals("\uFEFFКод участника;Код ОО;Класс;Вариант;Первичный балл;Отметка;Отметка по журналу;Задание 1;Задание 2;Задание 3.1",
                lines[0]);
        assertEquals(works.size() + 1, lines.length);
        VprWorks.Work first = works.get(0);
        assertEquals(String.join(";", first.participant(), first.school(), "5А", "1", String.valueOf(first.total()),
                String.valueOf(first.mark()), String.valueOf(first.journalMark()), String.valueOf(first.scores()[0]),
                String.valueOf(first.scores()[1]), String.valueOf(first.scores()[2])), lines[1]);
    }

    private static VprTest test() throws Exception {
        return new ObjectMapper().readValue(SPEC, VprTest.class);
    }
}
