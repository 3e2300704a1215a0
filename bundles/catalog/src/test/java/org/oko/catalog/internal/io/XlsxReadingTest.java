package org.oko.catalog.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.catalog.api.FileFormat;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.RowError;

class XlsxReadingTest {

    private static ParsedFile read(byte[] xlsx) throws IOException {
        return new CatalogFileReader(CatalogFileReader.DEFAULT_MAX_BYTES).read("школы.xlsx", new ByteArrayInputStream(xlsx));
    }

    @Test
    void numericCodesStayTextAsDisplayed() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            CellStyle sixDigits = workbook.createCellStyle();
            sixDigits.setDataFormat(workbook.createDataFormat().getFormat("000000"));
            Row header = sheet.createRow(0);
            List<String> headers = List.of("Код ОО", "Полное наименование", "Код территории", "ИНН", "ОГРН");
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            Row padded = sheet.createRow(1);
            padded.createCell(0).setCellValue(12345);
            padded.getCell(0).setCellStyle(sixDigits);
            padded.createCell(1).setCellValue("Школа с кодом из чисел");
            padded.createCell(2).setCellValue(1);
            padded.getCell(2).setCellStyle(sixDigits);
            padded.createCell(3).setCellValue(6601234567d);
            padded.createCell(4).setCellValue(1026600000011d);
            Row plain = sheet.createRow(2);
            plain.createCell(0).setCellValue(640123);
            plain.createCell(1).setCellValue("Школа с числом без формата");
            plain.createCell(2).setCellValue("01");
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        ParsedFile file = read(xlsx);

        assertEquals(FileFormat.XLSX, file.format());
        assertEquals(List.of(), file.errors());
        Organisation padded = file.rows().get(0).organisation();
        assertEquals("012345", padded.code());
        assertEquals("000001", file.rows().get(0).territoryCode());
        assertEquals("6601234567", padded.inn());
        assertEquals("1026600000011", padded.ogrn(), "13 digits must not turn into 1.02660E+12");
        assertEquals("640123", file.rows().get(1).organisation().code());
    }

    @Test
    void readsDateCellsAndDateText() throws IOException {
        byte[] xlsx = TestFiles.xlsx(
                new Object[] {"Код ОО", "Полное наименование", "Код территории", "Статус", "Дата закрытия"},
                new Object[] {"001", "Школа 1", "01", "Закрыта", LocalDate.of(2022, 6, 30)},
                new Object[] {"002", "Школа 2", "01", "Закрыта", "01.09.2021"},
                new Object[] {"003", "Школа 3", "01", "Закрыта", "30.06.22"});

        ParsedFile file = read(xlsx);

        assertEquals(LocalDate.of(2022, 6, 30), file.rows().get(0).organisation().closedOn());
        assertEquals(OrganisationStatus.CLOSED, file.rows().get(0).organisation().status());
        assertEquals(LocalDate.of(2021, 9, 1), file.rows().get(1).organisation().closedOn());
        assertEquals(List.of(new RowError(4, "Дата закрытия",
                "Дата «30.06.22» не распознана; ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД")), file.errors());
    }

    @Test
    void formulaCellsGiveTheirCachedValue() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Код ОО");
            header.createCell(1).setCellValue("Полное наименование");
            header.createCell(2).setCellValue("Код территории");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellFormula("100+23");
            row.createCell(1).setCellFormula("\"Школа № \"&A2");
            row.createCell(2).setCellValue("01");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        ParsedFile file = read(xlsx);

        assertEquals("123", file.rows().get(0).organisation().code());
        assertEquals("Школа № 123", file.rows().get(0).organisation().fullName());
    }

    @Test
    void rowNumbersAreTheSheetsAndBlankRowsAreSkipped() throws IOException {
        byte[] xlsx = TestFiles.xlsx(
                new Object[] {"Код ОО", "Полное наименование", "Код территории", "ИНН"},
                new Object[] {"001", "Школа 1", "01", null},
                new Object[] {null, "  ", null, null},
                new Object[] {"002", "Школа 2", "01", "123"});

        ParsedFile file = read(xlsx);

        assertEquals(List.of(2, 4), file.rows().stream().map(ParsedRow::row).toList());
        assertEquals(List.of(new RowError(4, "ИНН", "ИНН должен состоять из 10 или 12 цифр: «123»")), file.errors());
    }
}
