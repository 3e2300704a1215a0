package org.oko.forms.internal.submission;

import static org.oko.forms.internal.FormsTexts.TEXTS;

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
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.forms.api.Breakdown;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.ReportContributor;
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
    private static final List<String> FIXED = List.of(TEXTS.ru("xlsx.column.organisation-code"), TEXTS.ru("xlsx.column.organisation-name"),
            TEXTS.ru("xlsx.column.period"), TEXTS.ru("xlsx.column.state"), TEXTS.ru("xlsx.column.completion"));

    private SubmissionExport() {
    }

    public static void write(FormDefinition definition, List<SubmissionService.View> views, OutputStream out) throws IOException {
        write(definition, views, List.of(), out);
    }

    /** With the modules' extra sheets after the sheet of submissions, and a sheet «Ошибки модулей» naming those missing. */
    public static void write(FormDefinition definition, List<SubmissionService.View> views, List<SubmissionService.Contribution> contributions,
                             OutputStream out) throws IOException {
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
            contribute(workbook, contributions, bold);
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static void contribute(SXSSFWorkbook workbook, List<SubmissionService.Contribution> contributions, CellStyle bold) {
        List<String> failures = new ArrayList<>();
        for (SubmissionService.Contribution contribution : contributions) {
            ReportContributor.Sheet extra = contribution.sheet();
            if (extra == null) {
                failures.add(contribution.failure());
                continue;
            }
            Sheet sheet = workbook.createSheet(uniqueName(workbook, extra.title() == null || extra.title().isBlank()
                    ? contribution.module() : extra.title()));
            int r = 0;
            if (extra.header() != null && !extra.header().isEmpty()) {
                Row header = sheet.createRow(r++);
                int c = 0;
                for (String title : extra.header()) {
                    text(header, c++, clip(title), bold);
                }
                sheet.createFreezePane(0, 1);
            }
            for (List<Object> cells : extra.rows() == null ? List.<List<Object>>of() : extra.rows()) {
                Row row = sheet.createRow(r++);
                int c = 0;
                for (Object cell : cells == null ? List.of() : cells) {
                    value(row.createCell(c++), cell instanceof LocalDate date ? date.toString()
                            : cell == null || cell instanceof Number || cell instanceof Boolean || cell instanceof List<?> ? cell
                            : clip(String.valueOf(cell)));
                }
            }
        }
        if (!failures.isEmpty()) {
            Sheet sheet = workbook.createSheet(uniqueName(workbook, TEXTS.ru("xlsx.failures-sheet")));
            text(sheet.createRow(0), 0, TEXTS.ru("xlsx.failures-heading"), bold);
            int r = 1;
            for (String failure : failures) {
                text(sheet.createRow(r++), 0, failure, null);
            }
        }
    }

    /** A sheet name Excel accepts (at most 31 characters, none of : \\ / ? * [ ]), unique in the workbook. */
    static String uniqueName(org.apache.poi.ss.usermodel.Workbook workbook, String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted);
        String name = base;
        for (int n = 2; workbook.getSheet(name) != null; n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    /** A cell holds at most 32 767 characters. */
    private static String clip(String text) {
        return text == null || text.length() <= 32_767 ? text : text.substring(0, 32_766) + "…";
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
            cell.setCellValue(TEXTS.ru(flag ? "xlsx.yes" : "xlsx.no"));
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
