package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.FormImporter;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Text;
import org.oko.forms.internal.definition.DefinitionParser;
import org.oko.forms.internal.workbook.FormWorkbook;
import org.oko.forms.internal.workbook.WorkbookImporter;

/**
 * The form's workbook goes out and comes back: every typed value (numbers, yes and no, a choice by its label, a
 * date, a cell of a fixed table and of a branch's row) is read back to what was written, computed and module-filled
 * values are left out, a branch's workbook holds only its rows, and a changed cell comes back changed.
 */
class FormWorkbookTest {

    private static final String FORM = """
            {"id": "wb", "version": 1, "title": "Шаблон", "sections": [{"id": "s", "title": "Раздел", "items": [
              {"code": "total", "label": "Всего", "type": "integer", "unit": "чел.", "min": 0},
              {"code": "doubled", "label": "Вдвое", "type": "integer", "computed": "total * 2"},
              {"code": "open", "label": "Открыта", "type": "boolean"},
              {"code": "kind", "label": "Местность", "type": "choice", "options": [{"value": "city", "label": "Городская"}, {"value": "rural", "label": "Сельская"}]},
              {"code": "licensed", "label": "Лицензия", "type": "date"},
              {"code": "filled_by_module", "label": "От модуля", "type": "integer"},
              {"table": "levels", "label": "Уровни", "rows": {"breakdown": "PROGRAMME_LEVEL"},
               "columns": [{"code": "pupils", "label": "Обучающихся", "type": "integer"}]},
              {"table": "units", "label": "Филиалы", "rows": {"breakdown": "STRUCTURAL_UNIT"},
               "columns": [{"code": "area", "label": "Площадь", "type": "decimal", "unit": "м²"}]}
            ]}]}""";

    private static final List<RowSpec> UNITS = List.of(new RowSpec("S1", Text.of("Школа")), new RowSpec("S1-1", Text.of("Филиал")));

    private static Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("total", new BigDecimal("640"));
        values.put("doubled", new BigDecimal("1280"));
        values.put("open", Boolean.TRUE);
        values.put("kind", "rural");
        values.put("licensed", "2015-09-01");
        values.put("filled_by_module", new BigDecimal("3"));
        values.put("levels.pupils[noo]", new BigDecimal("250"));
        values.put("units.area[S1]", new BigDecimal("1200.5"));
        values.put("units.area[S1-1]", new BigDecimal("310"));
        return values;
    }

    private static ImportCheck.Checked readBack(FormDefinition form, byte[] file) {
        FormImporter.Result read = WorkbookImporter.INSTANCE.read(form, "S1", "wb.xlsx", file);
        return ImportCheck.check(form, UNITS, Set.of("filled_by_module"), Set.of(), read);
    }

    @Test
    void everyTypedValueComesBackAsItWent() throws Exception {
        FormDefinition form = DefinitionParser.parse(FORM);
        byte[] file = FormWorkbook.write(form, values(), Set.of("filled_by_module"), UNITS, null);
        ImportCheck.Checked back = readBack(form, file);
        assertEquals(List.of(), back.problems());
        assertEquals(Set.of("total", "open", "kind", "licensed", "levels.pupils[noo]", "units.area[S1]", "units.area[S1-1]"), back.values().keySet());
        assertEquals(0, new BigDecimal("640").compareTo((BigDecimal) back.values().get("total")));
        assertEquals(Boolean.TRUE, back.values().get("open"));
        assertEquals("rural", back.values().get("kind"));
        assertEquals(LocalDate.of(2015, 9, 1), back.values().get("licensed"));
        assertEquals(0, new BigDecimal("1200.5").compareTo((BigDecimal) back.values().get("units.area[S1]")));
        List<String> keys = keys(file);
        assertTrue(keys.contains("levels.pupils[ooo]"), "rows without a value are there to fill: " + keys);
        assertTrue(!keys.contains("doubled") && !keys.contains("filled_by_module"), keys.toString());
    }

    @Test
    void aBranchsWorkbookHoldsOnlyItsRowsAndAChangeComesBack() throws Exception {
        FormDefinition form = DefinitionParser.parse(FORM);
        byte[] file = FormWorkbook.write(form, values(), Set.of(), UNITS, "S1-1");
        assertEquals(List.of("units.area[S1-1]"), keys(file));
        byte[] changed;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.getRow(1).getCell(5).setCellValue(315.25);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            workbook.write(out);
            changed = out.toByteArray();
        }
        ImportCheck.Checked back = readBack(form, changed);
        assertEquals(List.of(), back.problems());
        assertEquals(Map.of("units.area[S1-1]", new BigDecimal("315.25")), back.values());
    }

    @Test
    void aForeignFileOrAWrongValueIsNamedWithItsRow() throws Exception {
        FormDefinition form = DefinitionParser.parse(FORM);
        FormImporter.Result foreign = WorkbookImporter.INSTANCE.read(form, "S1", "x.xlsx", xlsx(List.of("Школа", "Число"), List.of("A", "1")));
        assertTrue(foreign.problems().get(0).message().contains("«Код» и «Значение»"), foreign.problems().toString());
        ImportCheck.Checked wrong = readBack(form, xlsx(List.of("Код", "Значение"), List.of("total", "много"), List.of("open", "может быть"),
                List.of("nosuch", "1")));
        assertEquals(List.of(2, 3, 4), wrong.problems().stream().map(FormImporter.Problem::row).toList(), wrong.problems().toString());
        assertEquals(Map.of(), wrong.values());
    }

    @SafeVarargs
    private static byte[] xlsx(List<String> header, List<String>... rows) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.oko.tables.api.XlsxWriter xlsx = new org.oko.tables.api.XlsxWriter()) {
            xlsx.sheet("Лист", header);
            for (List<String> row : rows) {
                xlsx.row(row);
            }
            xlsx.write(out);
        }
        return out.toByteArray();
    }

    private static List<String> keys(byte[] file) throws Exception {
        List<String> keys = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    keys.add(format.formatCellValue(row.getCell(0)));
                }
            }
        }
        return keys;
    }
}
