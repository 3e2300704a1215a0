package org.oko.tables.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The one XLSX writer: cells typed by value, the header frozen and filterable, and read back by the one reader unchanged. */
class XlsxWriterTest {

    private static byte[] write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet("Школы: итоги [2026]", List.of("Код ОО", "Участников", "Качество, %", "Дата", "Сдал", "Формула"));
            xlsx.row("012345", 25, new BigDecimal("64.5"), LocalDate.of(2026, 4, 15), true, "=1+1");
            xlsx.row("012346", null, 0.25, null, false, null);
            xlsx.sheet("Пустой", List.of("A"));
            xlsx.sheet("Пустой", List.of("A"));
            xlsx.row("я".repeat(40_000));
            xlsx.write(out);
        }
        return out.toByteArray();
    }

    @Test
    void cellsAreTypedByValueAndTheHeaderIsFrozenAndFilterable() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(write()))) {
            assertEquals(3, workbook.getNumberOfSheets());
            assertEquals("Пустой (2)", workbook.getSheetAt(2).getSheetName(), "a name taken gets a number");
            assertEquals(32_767, workbook.getSheetAt(2).getRow(1).getCell(0).getStringCellValue().length(), "cut to Excel's limit");
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertEquals("Школы  итоги  2026 ", sheet.getSheetName());
            assertEquals(CellType.STRING, sheet.getRow(1).getCell(0).getCellType());
            assertEquals("012345", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(25.0, sheet.getRow(1).getCell(1).getNumericCellValue());
            assertEquals(64.5, sheet.getRow(1).getCell(2).getNumericCellValue());
            assertEquals(LocalDate.of(2026, 4, 15), sheet.getRow(1).getCell(3).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("да", sheet.getRow(1).getCell(4).getStringCellValue());
            assertEquals(CellType.STRING, sheet.getRow(1).getCell(5).getCellType(), "never a formula");
            assertEquals(null, sheet.getRow(2).getCell(1));
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter());
        }
    }

    @Test
    void whatItWritesTheReaderReadsAsTheUserSeesIt() throws IOException {
        List<String> lines = new ArrayList<>();
        TableReader.read(new ByteArrayInputStream(write()), "x.xlsx", new TableHandler() {
            @Override
            public void header(long number, List<String> cells) {
                lines.add(cells.toString());
            }

            @Override
            public void row(TableRow row) {
                lines.add(row.cells().toString());
            }
        });
        assertEquals(List.of("[Код ОО, Участников, Качество, %, Дата, Сдал, Формула]", "[012345, 25, 64.5, 15.04.2026, да, =1+1]",
                "[012346, , 0.25, , нет]"), lines);
    }
}
