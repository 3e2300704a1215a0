package org.oko.tables.api;

import static org.oko.tables.api.internal.TablesApiTexts.TEXTS;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The platform's one XLSX writer: sheets of a header and rows, written as a stream (a region's
 * hundreds of thousands of rows never sit in memory), the header bold, frozen and filterable,
 * columns as wide as their content. Cells by value: text as text (a code "012345" stays text, also
 * when typed in later), numbers as numbers, {@link LocalDate} as dd.mm.yyyy, booleans as «да» / «нет»,
 * null as an empty cell. Text Excel would take for a formula is written as text, never evaluated.
 *
 * <pre>
 * try (XlsxWriter xlsx = new XlsxWriter()) {
 *     xlsx.sheet("Школы", List.of("Код ОО", "Участников", "Качество, %"));
 *     xlsx.row("7701001", 25, new BigDecimal("64.0"));
 *     xlsx.write(out);
 * }
 * </pre>
 */
public final class XlsxWriter implements AutoCloseable {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows kept in memory while writing; the rest goes to a temporary file. */
    private static final int WINDOW = 200;
    /** Excel's limit on a sheet name. */
    private static final int MAX_SHEET_NAME = 31;
    private static final int MAX_CELL_TEXT = 32_767;
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle integer;
    private final CellStyle decimal;
    private final CellStyle date;
    private SXSSFSheet sheet;
    private int columns;
    private int rows;
    private int[] widths;

    public XlsxWriter() {
        short textFormat = (short) BuiltinFormats.getBuiltinFormat("@");
        text = workbook.createCellStyle();
        text.setDataFormat(textFormat);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setDataFormat(textFormat);
        header.setFont(bold);
        header.setWrapText(true);
        integer = workbook.createCellStyle();
        integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
        decimal = workbook.createCellStyle();
        decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0##"));
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
    }

    /** Starts a sheet; the sheet before it is finished. Names are made safe for Excel (31 characters, no []:*?/\, unique). */
    public XlsxWriter sheet(String name, List<String> headers) {
        finishSheet();
        sheet = workbook.createSheet(uniqueName(name));
        columns = headers.size();
        widths = new int[columns];
        rows = 0;
        Row row = sheet.createRow(rows++);
        for (int c = 0; c < columns; c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(header);
            widths[c] = Math.min(headers.get(c).length(), 24); // long headers wrap
            sheet.setDefaultColumnStyle(c, text); // cells typed in later are text too
        }
        sheet.createFreezePane(0, 1);
        return this;
    }

    private String uniqueName(String name) {
        String safe = WorkbookUtil.createSafeSheetName(name == null || name.isBlank() ? TEXTS.ru("xlsx.sheet") : name.strip(), ' ');
        String unique = safe;
        for (int n = 2; workbook.getSheet(unique) != null; n++) {
            String suffix = " (" + n + ")";
            unique = safe.substring(0, Math.min(safe.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        return unique;
    }

    public XlsxWriter row(Object... values) {
        return row(Arrays.asList(values));
    }

    public XlsxWriter row(List<?> values) {
        if (sheet == null) {
            throw new IllegalStateException("sheet() first");
        }
        Row row = sheet.createRow(rows++);
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            String shown;
            if (value instanceof Number number) {
                boolean whole = number instanceof Integer || number instanceof Long || number instanceof Short
                        || number instanceof Byte || number instanceof BigDecimal big && big.scale() <= 0;
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(whole ? integer : decimal);
                shown = number.toString();
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
                shown = "00.00.0000";
            } else if (value instanceof Boolean yes) {
                shown = TEXTS.ru(yes ? "xlsx.yes" : "xlsx.no");
                cell.setCellValue(shown);
                cell.setCellStyle(text);
            } else {
                shown = value.toString();
                if (shown.length() > MAX_CELL_TEXT) { // Excel's limit; POI refuses longer text
                    shown = shown.substring(0, MAX_CELL_TEXT - 1) + "…";
                }
                cell.setCellValue(shown); // a string cell: Excel shows "=1+1" as typed, never evaluates it
                cell.setCellStyle(text);
            }
            if (c < widths.length) {
                widths[c] = Math.max(widths[c], shown.length());
            }
        }
        return this;
    }

    private void finishSheet() {
        if (sheet == null) {
            return;
        }
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, (Math.min(Math.max(widths[c], MIN_WIDTH), MAX_WIDTH) + 2) * 256);
        }
        if (columns > 0) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
        }
    }

    /** Writes the workbook; the writer is done after it. */
    public void write(OutputStream out) throws IOException {
        finishSheet();
        sheet = null;
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }
}
