package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oko.tables.api.TableImport;

/** The module's row rules inside the platform's import pipeline, on files as regions send them. */
class ResultsReaderTest {

    private static final Spec SPEC = new Spec("2026", 1, "2026", 100, 40);
    private static final Set<String> SCHOOLS = Set.of("7701001", "7701002");

    @TempDir
    Path dir;

    @Test
    void goodRowsAreHandedOnUnderTheRegionsOwnHeaders() throws Exception {
        // The headers are aliases, in another order, with ";" as Russian Excel writes CSV.
        List<Result> results = new ArrayList<>();
        TableImport.Outcome outcome = read("Баллы;Код школы;Участник\n55;7701001;00001\n7;7701002;00001\n", results);

        assertTrue(outcome.good(), outcome.problems().toString());
        assertEquals(List.of(new Result("7701001", "00001", 55), new Result("7701002", "00001", 7)), results);
    }

    @Test
    void everyProblemIsNamedAndNothingIsHandedOn() throws Exception {
        List<Result> results = new ArrayList<>();
        TableImport.Outcome outcome = read("Код ОО;Код участника;Балл\n"
                + "7701001;00001;10\n"   // good, but the file is not
                + "9999999;00002;10\n"   // unknown school
                + "7701001;00001;20\n"   // the same participant again
                + "7701002;00003;101\n", // above the spec's maximum
                results);

        assertEquals(3, outcome.problemCount(), outcome.problems().toString());
        assertEquals(List.of(3L, 4L, 5L), outcome.problems().stream().map(p -> p.row()).toList());
        assertEquals(List.of(new Result("7701001", "00001", 10)), results, "only rows before the first problem");
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        TableImport.Outcome outcome = read("Код ОО;Код участника\n7701001;00001\n", new ArrayList<>());

        assertEquals(1, outcome.problemCount());
        assertTrue(outcome.problems().get(0).message().contains("Балл"), outcome.problems().toString());
    }

    private TableImport.Outcome read(String csv, List<Result> into) throws Exception {
        Path file = Files.writeString(dir.resolve("results.csv"), csv, StandardCharsets.UTF_8);
        return new TableImport(Columns.ALL, Map.of(), Map.of(), null)
                .read(file, "results.csv", new ResultsReader(SPEC, SCHOOLS::contains), (result, row) -> into.add(result));
    }
}
