package org.oko.vpr.internal.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oko.tables.api.TableImport;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.spec.TestSpec.Level;
import org.oko.vpr.internal.spec.TestSpec.Task;
import org.oko.vpr.internal.stats.Result;

/** Every import error case, both encodings of CSV, and XLSX read as a stream. */
class ResultsReaderTest {

    static final TestSpec SPEC = new TestSpec(2026, "math", "Математика", 5, 1,
            List.of(new Task("1", 1, Level.BASIC), new Task("2", 2, Level.BASIC), new Task("3.1", 2, Level.HIGH)),
            new TestSpec.Scale(2, 3, 5));
    static final String HEADER = "Код ОО;Код участника;Класс;Вариант;1;2;3.1;Первичный балл;Отметка;Отметка по журналу";

    @TempDir
    Path folder;

    /** What the reader handed on: the good rows while the file had no problem yet. */
    private final List<Result> results = new ArrayList<>();

    private TableImport.Outcome read(String name, String text, Charset charset, Set<String> stored) throws Exception {
        Path file = folder.resolve(name);
        Files.write(file, text.getBytes(charset));
        return new ResultsReader(SPEC, Set.of("S1", "S2")::contains, stored, null, null, rows -> { })
                .read(file, name, (r, row) -> results.add(r));
    }

    private TableImport.Outcome csv(String... rows) throws Exception {
        return read("r.csv", HEADER + "\n" + String.join("\n", rows), StandardCharsets.UTF_8, Set.of());
    }

    private static String messages(TableImport.Outcome outcome) {
        return outcome.problems().stream().map(p -> p.row() + " " + p.column() + ": " + p.message()).toList().toString();
    }

    @Test
    void aGoodFileGivesEveryWorkWithItsMark() throws Exception {
        TableImport.Outcome outcome = csv("S1;1001;5А;1;1;2;2;5;5;4", "S2;1002;5Б;2;0;1;X;1;2;", "S1;1003;5А;1;1;1;0;;;3");
        assertEquals(List.of(), outcome.problems());
        assertEquals(3, outcome.rows());
        Result first = results.get(0);
        assertEquals("1001", first.participant());
        assertEquals(5, first.total());
        assertEquals(5, first.mark());
        assertEquals(4, first.journalMark());
        assertEquals(0, results.get(1).journalMark(), "no journal mark given");
        assertEquals(3, results.get(2).mark(), "total and mark computed when the file leaves them out");
    }

    @Test
    void aTaskScoreAboveItsMaximumIsARowError() throws Exception {
        TableImport.Outcome outcome = csv("S1;1001;5А;1;1;3;2;6;5;");
        assertEquals(List.of(), results);
        assertTrue(messages(outcome).contains("2 задание 2: Балл 3 за задание 2 больше максимума 2"), messages(outcome));
    }

    @Test
    void anUnknownSchoolCodeIsARowError() throws Exception {
        TableImport.Outcome outcome = csv("S1;1001;5А;1;1;2;2;5;5;", "S9;1002;5А;1;1;2;2;5;5;", "S2;1003;5А;1;1;2;2;5;5;");
        // The row before the problem was handed on (the import rolls it back); none after it.
        assertEquals(List.of("1001"), results.stream().map(Result::participant).toList());
        assertEquals(3, outcome.rows(), "the rest is still checked");
        assertEquals(1, outcome.problemCount());
        assertTrue(messages(outcome).contains("3 код ОО: Неизвестный код ОО «S9»"), messages(outcome));
    }

    @Test
    void aParticipantCodeIsUniqueWithinItsSchoolOnly() throws Exception {
        // Schools number their participants from 00001: the same code in two schools is two works.
        TableImport.Outcome twoSchools = csv("S1;00001;5А;1;1;2;2;5;5;", "S2;00001;5Б;1;0;0;0;0;2;", "S2;00002;5Б;1;0;0;0;0;2;");
        assertEquals(List.of(), twoSchools.problems(), messages(twoSchools));
        assertEquals(3, results.size());
        TableImport.Outcome inFile = csv("S1;1001;5А;1;1;2;2;5;5;", "S2;1001;5Б;1;0;0;0;0;2;", "S1;1001;5В;1;0;0;0;0;2;");
        assertEquals(1, inFile.problemCount(), messages(inFile));
        assertTrue(messages(inFile).contains("4 код участника: Участник 1001 ОО S1 уже есть в строке 2"), messages(inFile));
        TableImport.Outcome stored = read("r.csv", HEADER + "\nS2;1001;5А;1;1;2;2;5;5;\nS1;1001;5А;1;1;2;2;5;5;", StandardCharsets.UTF_8,
                Set.of(Result.key("S1", "1001")));
        assertEquals(1, stored.problemCount(), messages(stored));
        assertTrue(messages(stored).contains("3 код участника: Результат участника 1001 ОО S1 уже загружен"), messages(stored));
    }

    @Test
    void aRowCutShortIsARowErrorNotZeros() throws Exception {
        // A file broken off in the middle of its last row: the row has three of the header's ten cells.
        TableImport.Outcome cut = csv("S1;1001;5А;1;1;2;2;5;5;", "S1;1002;5В");
        assertEquals(1, cut.problemCount(), messages(cut));
        assertTrue(messages(cut).contains("3 Вариант: В строке нет столбцов «Вариант», «1», «2», «3.1», «Первичный балл» и ещё 2"
                + " (ячеек 3 из 10): строка оборвана"), messages(cut));
        assertEquals(2, cut.rows());
    }

    @Test
    void aMarkThatContradictsTheScaleAndATotalThatIsNotTheSumAreRowErrors() throws Exception {
        TableImport.Outcome outcome = csv("S1;1001;5А;1;1;2;0;3;5;", "S1;1002;5А;1;1;2;0;4;4;", "S1;1003;5А;1;1;2;0;3;4;7");
        String all = messages(outcome);
        assertTrue(all.contains("2 отметка: Отметка 5 не соответствует шкале: за 3 баллов — 4"), all);
        assertTrue(all.contains("3 первичный балл: Первичный балл 4 не равен сумме баллов за задания 3"), all);
        assertTrue(all.contains("4 отметка по журналу"), all);
        assertEquals(3, outcome.problemCount());
    }

    @Test
    void aMissingColumnIsReportedOnceNotOnEveryRow() throws Exception {
        TableImport.Outcome outcome = read("r.csv", "Код ОО;Код участника;1;2\nS1;1001;1;2\nS1;1002;1;2", StandardCharsets.UTF_8, Set.of());
        assertEquals(1, outcome.problemCount(), messages(outcome));
        assertTrue(messages(outcome).contains("1 null: В файле нет обязательных столбцов: «Задание 3.1»"), messages(outcome));
    }

    @Test
    void windows1251AndCommasAndAColumnMappingAreRead() throws Exception {
        String text = "ОО,Работа,Класс,Задание 1,Задание 2,Задание 3.1,Оценка\nS1,Ё-1,5В,1,2,2,5";
        Path file = folder.resolve("r.csv");
        Files.write(file, text.getBytes(Charset.forName("windows-1251")));
        TableImport.Outcome outcome = new ResultsReader(SPEC, Set.of("S1")::contains, Set.of(),
                Map.of("Работа", "participant"), Map.of(), rows -> { }).read(file, "r.csv", (r, row) -> results.add(r));
        assertEquals(List.of(), outcome.problems(), messages(outcome));
        assertEquals(List.of("STANDARD school", "CHOSEN participant", "STANDARD class", "STANDARD task:1", "STANDARD task:2",
                "STANDARD task:3.1", "STANDARD mark"), outcome.columns().stream().map(c -> c.source() + " " + c.column()).toList());
        assertEquals("Ё-1", results.get(0).participant());
        assertEquals("5В", results.get(0).className());
    }

    @Test
    void xlsxIsReadAsAStream() throws Exception {
        Path file = folder.resolve("r.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("ВПР");
            String[] header = HEADER.split(";");
            var row = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                row.createCell(i).setCellValue(header[i]);
            }
            for (int r = 1; r <= 2500; r++) {
                var line = sheet.createRow(r);
                line.createCell(0).setCellValue(r % 2 == 0 ? "S1" : "S2");
                line.createCell(1).setCellValue("P" + r);
                line.createCell(2).setCellValue("5А");
                line.createCell(3).setCellValue(1);
                line.createCell(4).setCellValue(1);
                line.createCell(5).setCellValue(r % 3);
                line.createCell(6).setCellValue(0);
                line.createCell(9).setCellValue(4); // total and mark left out; journal mark 4
            }
            workbook.write(out);
        }
        long[] reported = {0};
        TableImport.Outcome outcome = new ResultsReader(SPEC, Set.of("S1", "S2")::contains, Set.of(), null, null, rows -> reported[0] = rows)
                .read(file, "r.xlsx", (r, row) -> results.add(r));
        assertEquals(List.of(), outcome.problems(), messages(outcome));
        assertEquals(2500, results.size());
        assertEquals(2000, reported[0], "progress every thousand rows");
        Result third = results.get(2); // row 3: 1 + 0 + 0 → total 1 → mark 2
        assertEquals(1, third.total());
        assertEquals(2, third.mark());
        assertEquals(4, third.journalMark());
    }
}
