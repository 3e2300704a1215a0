package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.ReportContributor;
import org.oko.forms.internal.definition.DefinitionParser;

class SubmissionExportTest {

    private static final String FORM = """
            {"id": "exp", "version": 1, "title": "Экспорт", "sections": [{"id": "s", "title": "С", "items": [
              {"code": "total", "label": "Всего", "type": "integer"}]}]}""";

    @Test
    void modulesSheetsFollowWithSafeUniqueNamesAndFailuresAreNamed() throws Exception {
        FormDefinition form = DefinitionParser.parse(FORM);
        List<Object> cells = Arrays.asList("=cmd()", new BigDecimal("12.5"), LocalDate.of(2026, 4, 1), null, true);
        List<SubmissionService.Contribution> contributions = List.of(
                new SubmissionService.Contribution("org.example.a", new ReportContributor.Sheet("Итоги: районы / 2026 [проверка] очень длинное имя",
                        List.of("Район", "Доля", "Дата", "Пусто", "Флаг"), List.of(cells)), null),
                new SubmissionService.Contribution("org.example.b", new ReportContributor.Sheet("Итоги: районы / 2026 [проверка] очень длинное имя",
                        List.of(), List.of()), null),
                new SubmissionService.Contribution("org.example.c", null, "Лист модуля org.example.c не сформирован"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SubmissionExport.write(form, List.of(), contributions, out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(4, workbook.getNumberOfSheets());
            Sheet first = workbook.getSheetAt(1);
            assertEquals(31, first.getSheetName().length());
            assertEquals("Район", first.getRow(0).getCell(0).getStringCellValue());
            assertEquals("'=cmd()", first.getRow(1).getCell(0).getStringCellValue(), "no formula from a module's text");
            assertEquals(12.5, first.getRow(1).getCell(1).getNumericCellValue());
            assertEquals("01.04.2026", first.getRow(1).getCell(2).getStringCellValue());
            assertEquals("да", first.getRow(1).getCell(4).getStringCellValue());
            String second = workbook.getSheetAt(2).getSheetName();
            assertEquals(31, second.length());
            assertEquals(true, second.endsWith(" (2)"), second);
            Sheet failures = workbook.getSheet("Ошибки модулей");
            assertNotNull(failures);
            assertEquals("Лист модуля org.example.c не сформирован", failures.getRow(1).getCell(0).getStringCellValue());
        }
    }
}
