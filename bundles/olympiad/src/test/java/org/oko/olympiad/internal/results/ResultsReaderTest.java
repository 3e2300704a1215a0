package org.oko.olympiad.internal.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oko.olympiad.internal.Fixtures;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.rules.Status;
import org.oko.olympiad.internal.year.OlympiadYear;
import org.oko.tables.api.RowProblem;
import org.oko.tables.api.TableImport;

/** A stage's results file read through the kit: subjects by name or code, statuses as organisers write them, every problem named. */
class ResultsReaderTest {

    @TempDir
    Path folder;

    private TableImport.Outcome read(String stage, List<Participation> good, String... rows) throws Exception {
        OlympiadYear year = Fixtures.year2025();
        Path file = folder.resolve("results.csv");
        Files.writeString(file, "Код ОО;Код участника;Класс;Предмет;Балл;Статус\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        Scores scores = new Scores(List.of(new Scores.Setting(2025, stage, "math", 9, Scores.REGION, new BigDecimal("40"), null, "c", Instant.EPOCH)));
        return new ResultsReader(year, year.stage(stage).orElseThrow(), scores, Set.of("S1", "S2")::contains, code -> "T1", Map.of(), Map.of(), null)
                .read(file, "results.csv", (p, line) -> good.add(p));
    }

    @Test
    void goodRowsReadWithTheirSubjectGradeScoreAndStatus() throws Exception {
        List<Participation> good = new ArrayList<>();
        TableImport.Outcome outcome = read("school", good, "S1;A;9;Математика;12,5;Победитель", "S1;A;9 класс;physics;7;", "S2;B;4;математика;3;призер");
        assertEquals(0, outcome.problemCount(), outcome.problems().toString());
        assertEquals(3, good.size());
        assertEquals(new Participation(2025, "school", "math", "A", 9, "S1", new BigDecimal("12.5"), Status.WINNER), good.get(0));
        assertEquals("physics", good.get(1).subject());
        assertEquals(null, good.get(1).fileStatus());
        assertEquals(Status.PRIZE_WINNER, good.get(2).fileStatus());
    }

    @Test
    void everyProblemIsNamedWithItsRowAndColumn() throws Exception {
        TableImport.Outcome outcome = read("municipal", new ArrayList<>(),
                "S9;A;9;math;10;",          // 2: unknown school
                "S1;B;6;math;10;",          // 3: the municipal stage is held from grade 7
                "S1;C;9;Алхимия;10;",       // 4: no such subject
                "S1;D;9;math;41;",          // 5: above the maximum of 40
                "S1;E;9;math;-1;",          // 6: not a score
                "S1;F;9;math;10;чемпион",   // 7: not a status
                "S1;G;9;math;10;",          // 8: good
                "S1;G;9;Математика;11;");   // 9: G in math twice
        List<RowProblem> problems = outcome.problems();
        assertEquals(7, outcome.problemCount(), problems.toString());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 9L), problems.stream().map(RowProblem::row).toList());
        assertEquals(List.of("Код ОО", "Класс", "Предмет", "Балл", "Балл", "Статус", "Код участника"),
                problems.stream().map(RowProblem::column).toList());
        assertTrue(problems.get(3).messages().get("en").contains("above the maximum"), problems.get(3).toString());
        assertTrue(problems.get(6).messages().get("ru").contains("строке 8"), problems.get(6).toString());
    }
}
