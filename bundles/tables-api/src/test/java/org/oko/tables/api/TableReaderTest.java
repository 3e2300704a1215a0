package org.oko.tables.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one table reader: both CSV encodings and separators, rows cut short, XLSX cells as the user sees them. */
class TableReaderTest {

    @TempDir
    Path folder;

    /** What the reader told: the header, then each row as "number: cells" with "!" for a row cut short. */
    private static final class Recorder implements TableHandler {
        final List<String> lines = new ArrayList<>();

        @Override
        public void header(long number, List<String> cells) {
            lines.add("H" + number + ": " + cells);
        }

        @Override
        public void row(TableRow row) {
            lines.add(row.number() + (row.cutShort() ? "!" : "") + ": " + row.cells());
        }
    }

    private static List<String> read(byte[] bytes) throws IOException {
        Recorder recorder = new Recorder();
        TableReader.read(new ByteArrayInputStream(bytes), "f", recorder);
        return recorder.lines;
    }

    @Test
    void csvInUtf8WithSemicolonsKeepsSpreadsheetRowNumbersAcrossBlankLines() throws IOException {
        List<String> lines = read("Код;Имя\n\n 001 ;\"Школа «имени Ленина»; №1\"\n;;\n002;б\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("H1: [Код, Имя]", "3: [001, Школа «имени Ленина»; №1]", "5: [002, б]"), lines);
    }

    @Test
    void csvInWindows1251WithCommasAndAByteOrderMarkInUtf8() throws IOException {
        assertEquals(List.of("H1: [Код, Имя]", "2: [1, Ёлка]"), read("Код,Имя\n1,Ёлка".getBytes(Charset.forName("windows-1251"))));
        byte[] text = "Код;Имя\n1;Ёлка".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertEquals(List.of("H1: [Код, Имя]", "2: [1, Ёлка]"), read(withBom));
    }

    @Test
    void aLongUtf8FileIsNotTakenForWindows1251WhenTheSampleEndsInsideALetter() throws IOException {
        StringBuilder text = new StringBuilder("А;Б\n");
        while (text.length() < 70_000) {
            text.append("я;ю\n");
        }
        List<String> lines = read(("x" + text).getBytes(StandardCharsets.UTF_8)); // odd offset: 64 KB falls inside a letter
        assertEquals("2: [я, ю]", lines.get(1));
    }

    @Test
    void aRowWithFewerCellsThanTheHeaderIsCutShortButTrailingEmptyCellsAreNot() throws IOException {
        List<String> lines = read("a;b;c;d\n1;2;;\n9918009;9918009-00049".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("H1: [a, b, c, d]", "2: [1, 2, , ]", "3!: [9918009, 9918009-00049]"), lines);
    }

    @Test
    void aCellProtectedFromFormulasIsReadAsItWas() throws IOException {
        assertEquals("2: [=1+1, 'текст]", read("a;b\n'=1+1;'текст".getBytes(StandardCharsets.UTF_8)).get(1));
    }

    @Test
    void anUnclosedQuoteIsAFileError() {
        TableException e = assertThrows(TableException.class, () -> read("a;b\n\"1;2\n3;4".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("кавычка"), e.getMessage());
    }

    @Test
    void emptyOldExcelAndDamagedFilesAreRefusedWithAReason() {
        assertTrue(assertThrows(TableException.class, () -> read(new byte[0])).getMessage().contains("пуст"));
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertTrue(assertThrows(TableException.class, () -> read(ole)).getMessage().contains("Excel 97–2003"));
        byte[] damaged = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6};
        assertTrue(assertThrows(TableException.class, () -> read(damaged)).getMessage().contains("XLSX"));
    }

    @Test
    void xlsxCellsAreReadAsTheUserSeesThemFromAFileAndAStream() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Лист");
            XSSFRow header = sheet.createRow(1); // the first row is blank
            header.createCell(0).setCellValue("Код");
            header.createCell(1).setCellValue("Дата");
            header.createCell(2).setCellValue("ИНН");
            header.createCell(3).setCellValue("Доля");
            header.createCell(5).setCellValue("Формула");
            XSSFRow row = sheet.createRow(2);
            row.createCell(0).setCellValue("000123");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("d/m/yy"));
            row.createCell(1).setCellValue(LocalDate.of(2026, 9, 1));
            row.getCell(1).setCellStyle(date);
            row.createCell(2).setCellValue(7707083893.0);
            row.createCell(3).setCellValue(0.25);
            row.createCell(5).setCellFormula("1/0");
            workbook.setForceFormulaRecalculation(false);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            bytes = out.toByteArray();
        }
        List<String> expected = List.of("H2: [Код, Дата, ИНН, Доля, , Формула]", "3: [000123, 01.09.2026, 7707083893, 0.25, , #DIV/0!]");
        assertEquals(expected, read(bytes));
        Path file = folder.resolve("t.xlsx");
        Files.write(file, bytes);
        Recorder recorder = new Recorder();
        TableReader.read(file, "t.xlsx", recorder);
        assertEquals(expected, recorder.lines);
        assertFalse(recorder.lines.get(1).startsWith("3!"), "an XLSX row is never cut short");
    }

    @Test
    void theHandlersOwnExceptionPassesThroughUnchanged() {
        IllegalStateException mine = new IllegalStateException("mine");
        TableHandler failing = new TableHandler() {
            @Override
            public void header(long number, List<String> cells) {
                throw mine;
            }

            @Override
            public void row(TableRow row) {
            }
        };
        assertEquals(mine, assertThrows(IllegalStateException.class,
                () -> TableReader.read(new ByteArrayInputStream("a\n1".getBytes(StandardCharsets.UTF_8)), "f", failing)));
        java.io.UncheckedIOException io = new java.io.UncheckedIOException(new IOException("the disk"));
        TableHandler sinkFails = new TableHandler() {
            @Override
            public void header(long number, List<String> cells) {
            }

            @Override
            public void row(TableRow row) {
                throw io;
            }
        };
        assertEquals(io, assertThrows(java.io.UncheckedIOException.class,
                () -> TableReader.read(new ByteArrayInputStream("a\n1".getBytes(StandardCharsets.UTF_8)), "f", sinkFails)),
                "a failure of the caller is not taken for an open quote");
    }
}
