package org.oko.users.internal.folders;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** One workbook per folder; every cell is text so Excel never turns a code or password into a number or date. */
public final class FolderXlsxWriter {

    /** Column widths in characters, in the order of {@link FolderText#HEADER}. */
    private static final int[] WIDTHS = {7, 12, 50, 25, 20, 20};

    public void write(Folder folder, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(FolderText.SHEET_NAME);
            int rowIndex = 0;
            text(sheet.createRow(rowIndex++), 0, FolderText.TITLE, styles.title);
            for (List<String> detail : FolderText.details(folder)) {
                Row row = sheet.createRow(rowIndex++);
                text(row, 0, detail.get(0), styles.label);
                text(row, 3, detail.get(1), styles.text);
                // Label over the number, code and name columns, value over the rest: wide enough for a URL.
                sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, 2));
                sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 3, WIDTHS.length - 1));
            }
            rowIndex++;
            int headerIndex = rowIndex;
            writeRow(sheet.createRow(rowIndex++), FolderText.HEADER, styles.header);
            List<SchoolCredential> schools = folder.schools();
            for (int i = 0; i < schools.size(); i++) {
                writeRow(sheet.createRow(rowIndex++), FolderText.row(i, schools.get(i)), styles.cell);
            }
            rowIndex++;
            Row note = sheet.createRow(rowIndex);
            text(note, 0, FolderText.NOTE, styles.note);
            sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, WIDTHS.length - 1));
            note.setHeightInPoints(2 * sheet.getDefaultRowHeightInPoints());
            layout(sheet, headerIndex, styles);
            workbook.write(out);
        }
    }

    private static void layout(Sheet sheet, int headerIndex, Styles styles) {
        for (int column = 0; column < WIDTHS.length; column++) {
            sheet.setColumnWidth(column, (WIDTHS[column] + 2) * 256);
            // Cells typed in later are text too.
            sheet.setDefaultColumnStyle(column, styles.text);
        }
        sheet.createFreezePane(0, headerIndex + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerIndex, headerIndex, -1, -1));
        sheet.setAutobreaks(true);
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        // 0 pages tall means "as many as needed": only the width is fitted.
        print.setFitHeight((short) 0);
    }

    private static void writeRow(Row row, List<String> values, CellStyle style) {
        for (int column = 0; column < values.size(); column++) {
            text(row, column, values.get(column), style);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        cell.setCellValue(value);
    }

    private static final class Styles {

        final CellStyle title;
        final CellStyle label;
        final CellStyle text;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle note;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font italic = workbook.createFont();
            italic.setItalic(true);
            text = textStyle(workbook);
            title = textStyle(workbook);
            title.setFont(big);
            label = textStyle(workbook);
            label.setFont(bold);
            cell = bordered(workbook);
            cell.setWrapText(true);
            cell.setVerticalAlignment(VerticalAlignment.TOP);
            header = bordered(workbook);
            header.setFont(bold);
            header.setWrapText(true);
            note = textStyle(workbook);
            note.setFont(italic);
            note.setWrapText(true);
        }

        private static CellStyle textStyle(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat((short) BuiltinFormats.getBuiltinFormat("@"));
            return style;
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = textStyle(workbook);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
