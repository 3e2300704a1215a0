package org.oko.catalog.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** One sheet, text cells as text so that Excel never turns a code "012345" into 12345. */
final class XlsxTableWriter {

    static final String SHEET_NAME = "Организации";

    /** Column width bounds, in characters: long names wrap nothing, so cap them. */
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;

    private XlsxTableWriter() {
    }

    static void write(List<String> header, List<List<Object>> rows, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(SHEET_NAME);
            int[] widths = new int[header.size()];
            writeRow(sheet.createRow(0), header.stream().map(Object.class::cast).toList(), styles.header, styles, widths);
            for (int i = 0; i < rows.size(); i++) {
                writeRow(sheet.createRow(i + 1), rows.get(i), styles.text, styles, widths);
            }
            for (int column = 0; column < header.size(); column++) {
                // Cells typed in later by the user are text too.
                sheet.setDefaultColumnStyle(column, styles.text);
                sheet.setColumnWidth(column, (Math.min(Math.max(widths[column], MIN_WIDTH), MAX_WIDTH) + 2) * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, header.size() - 1));
            workbook.write(out);
        }
    }

    private static void writeRow(Row row, List<Object> values, CellStyle textStyle, Styles styles, int[] widths) {
        for (int column = 0; column < values.size(); column++) {
            Object value = values.get(column);
            Cell cell = row.createCell(column);
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(styles.date);
                widths[column] = Math.max(widths[column], 10);
            } else {
                cell.setCellStyle(textStyle);
                if (value != null) {
                    cell.setCellValue(value.toString());
                    widths[column] = Math.max(widths[column], value.toString().length());
                }
            }
        }
    }

    private static final class Styles {

        final CellStyle header;
        final CellStyle text;
        final CellStyle date;

        Styles(XSSFWorkbook workbook) {
            short textFormat = (short) BuiltinFormats.getBuiltinFormat("@");
            text = workbook.createCellStyle();
            text.setDataFormat(textFormat);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setDataFormat(textFormat);
            header.setFont(bold);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
        }
    }
}
