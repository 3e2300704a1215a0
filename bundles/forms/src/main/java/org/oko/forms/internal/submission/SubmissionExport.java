package org.oko.forms.internal.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.forms.api.Breakdown;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Rows;
import org.oko.forms.api.SectionItem;
import org.oko.forms.api.Table;

/**
 * One form version's submissions as XLSX: one row per submission, one column per value key
 * (typed in or computed), with the key in the first header row and the Russian label in the
 * second, so that the file reads for people and imports for programs. Per version, because keys
 * differ between versions.
 */
public final class SubmissionExport {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final List<String> FIXED = List.of("Код ОО", "Наименование ОО", "Период", "Состояние", "Заполнено, %");

    private SubmissionExport() {
    }

    public static void write(FormDefinition definition, List<SubmissionService.View> views, OutputStream out) throws IOException {
        Map<String, String> columns = columns(definition, views);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(definition.key().replace('@', ' '));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row keys = sheet.createRow(0);
            Row labels = sheet.createRow(1);
            int c = 0;
            for (String fixed : FIXED) {
                text(keys, c, fixed, bold);
                text(labels, c++, fixed, bold);
            }
            for (Map.Entry<String, String> column : columns.entrySet()) {
                text(keys, c, column.getKey(), bold);
                text(labels, c++, column.getValue(), bold);
            }
            int r = 2;
            for (SubmissionService.View view : views) {
                Row row = sheet.createRow(r++);
                SubmissionService.Summary s = view.submission();
                text(row, 0, s.organisationCode(), null);
                text(row, 1, s.organisationName(), null);
                text(row, 2, s.period(), null);
                text(row, 3, Workflow.label(s.state()), null);
                row.createCell(4).setCellValue(s.completion());
                int i = FIXED.size();
                for (String key : columns.keySet()) {
                    SubmissionService.ValueView typed = view.values().get(key);
                    value(row.createCell(i++), typed != null ? typed.value() : view.computed().get(key));
                }
            }
            sheet.createFreezePane(2, 2);
            workbook.write(out);
            workbook.dispose();
        }
    }

    /** Key → label of every value column: indicators in form order, then cells of every row that exists. */
    private static Map<String, String> columns(FormDefinition definition, List<SubmissionService.View> views) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (SectionItem item : definition.items()) {
            if (item instanceof Indicator indicator) {
                columns.put(indicator.code(), indicator.label().ru());
            } else if (item instanceof Table table) {
                for (RowSpec row : rows(table, views)) {
                    for (Indicator column : table.columns()) {
                        columns.put(table.code() + "." + column.code() + "[" + row.key() + "]",
                                table.label().ru() + ": " + row.label().ru() + " — " + column.label().ru());
                    }
                }
            }
        }
        return columns;
    }

    private static List<RowSpec> rows(Table table, List<SubmissionService.View> views) {
        Rows rows = table.rows();
        if (rows.kind() == Rows.Kind.FIXED || (rows.kind() == Rows.Kind.BREAKDOWN && rows.breakdown() != Breakdown.STRUCTURAL_UNIT)) {
            return rows.known();
        }
        // Rows that differ per organisation: every row key some submission holds.
        Set<String> keys = new LinkedHashSet<>();
        String prefix = table.code() + ".";
        for (SubmissionService.View view : views) {
            for (String key : view.values().keySet()) {
                if (key.startsWith(prefix) && key.endsWith("]")) {
                    keys.add(key.substring(key.indexOf('[') + 1, key.length() - 1));
                }
            }
        }
        List<RowSpec> result = new ArrayList<>();
        keys.forEach(key -> result.add(new RowSpec(key, org.oko.forms.api.Text.of(key))));
        return result;
    }

    private static void value(Cell cell, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number number) {
            cell.setCellValue(new BigDecimal(number.toString()).doubleValue());
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag ? "да" : "нет");
        } else if (value instanceof List<?> list) {
            cell.setCellValue(String.join("; ", list.stream().map(String::valueOf).toList()));
        } else {
            String text = String.valueOf(value);
            // Dates travel as ISO; people read dd.MM.yyyy. A leading = + - @ would make a formula in Excel: quote it.
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                text = LocalDate.parse(text).format(DATE);
            } else if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            cell.setCellValue(text);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
