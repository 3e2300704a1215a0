package org.oko.users.internal.folders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FolderXlsxWriterTest {

    private static final Folder FOLDER = Folders.sample();
    private static byte[] xlsx;

    @BeforeAll
    static void write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FolderXlsxWriter().write(FOLDER, out);
        xlsx = out.toByteArray();
    }

    private static XSSFWorkbook open() throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static int rowIndexStartingWith(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && first.equals(cell.getStringCellValue())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starting with " + first);
    }

    @Test
    void oneSheetWithTitleBlock() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            assertEquals(1, workbook.getNumberOfSheets());
            Sheet sheet = workbook.getSheet("Реквизиты доступа");
            assertNotNull(sheet);
            assertEquals("Электронная папка: реквизиты доступа к системе ОКО",
                    sheet.getRow(0).getCell(0).getStringCellValue());
            List<String> all = new ArrayList<>();
            sheet.forEach(row -> row.forEach(cell -> all.add(cell.getStringCellValue())));
            for (String expected : List.of("Управление образования «Город N»", "640000", "01.09.2025",
                    "https://oko.example.ru/", "uo640000", "Kf7mPq2xZr")) {
                assertTrue(all.contains(expected), expected);
            }
            assertTrue(all.contains("Пароли одноразовые: при первом входе система попросит задать новый пароль. "
                    + "Передавайте реквизиты конфиденциально."));
        }
    }

    @Test
    void everySchoolRowIsTextExactlyAsGiven() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = rowIndexStartingWith(sheet, "№ п/п");
            List<String> headerValues = new ArrayList<>();
            sheet.getRow(header).forEach(cell -> headerValues.add(cell.getStringCellValue()));
            assertEquals(List.of("№ п/п", "Код ОО", "Наименование ОО", "Территория", "Логин", "Одноразовый пароль"),
                    headerValues);
            assertTrue(workbook.getFontAt(sheet.getRow(header).getCell(0).getCellStyle().getFontIndex()).getBold());

            List<SchoolCredential> schools = FOLDER.schools();
            for (int i = 0; i < schools.size(); i++) {
                SchoolCredential school = schools.get(i);
                Row row = sheet.getRow(header + 1 + i);
                List<String> expected = List.of(String.valueOf(i + 1), school.organisationCode(),
                        school.organisationName(), school.territoryName(), school.login(), school.oneTimePassword());
                for (int column = 0; column < expected.size(); column++) {
                    Cell cell = row.getCell(column);
                    assertEquals(CellType.STRING, cell.getCellType(), "row " + i + " column " + column);
                    assertEquals("@", cell.getCellStyle().getDataFormatString());
                    assertEquals(BorderStyle.THIN, cell.getCellStyle().getBorderBottom());
                    assertEquals(expected.get(column), cell.getStringCellValue());
                }
            }
            assertEquals("012345", sheet.getRow(header + 1).getCell(1).getStringCellValue());
            assertEquals("0123456789", sheet.getRow(header + 1).getCell(5).getStringCellValue());
            assertEquals("2025-01-02", sheet.getRow(header + 3).getCell(5).getStringCellValue());
        }
    }

    @Test
    void printsLandscapeOnePageWideWithRepeatedFrozenHeader() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = rowIndexStartingWith(sheet, "№ п/п");
            assertTrue(sheet.getPrintSetup().getLandscape());
            assertTrue(sheet.getFitToPage());
            assertEquals(1, sheet.getPrintSetup().getFitWidth());
            assertEquals(0, sheet.getPrintSetup().getFitHeight());
            assertEquals(new CellRangeAddress(header, header, -1, -1), sheet.getRepeatingRows());
            assertEquals(header + 1, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertTrue(sheet.getColumnWidth(2) > sheet.getColumnWidth(0));
        }
    }
}
