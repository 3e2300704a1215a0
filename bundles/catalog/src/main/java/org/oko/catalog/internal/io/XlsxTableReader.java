package org.oko.catalog.internal.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oko.catalog.api.CatalogException;

/** The first sheet of an XLSX workbook, cells as the user sees them. */
final class XlsxTableReader {

    /** Integers up to this size are exact in a double; General format would show bigger ones as 1,2E+15. */
    private static final double EXACT_INTEGER_LIMIT = 1e15;

    private XlsxTableReader() {
    }

    static RawTable read(String fileName, byte[] bytes) throws IOException {
        try (XSSFWorkbook workbook = open(fileName, bytes)) {
            if (workbook.getNumberOfSheets() == 0) {
                return new RawTable(List.of(), List.of());
            }
            return read(workbook.getSheetAt(0));
        }
    }

    private static XSSFWorkbook open(String fileName, byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            // POI reports a damaged or non-OOXML zip with assorted runtime exceptions.
            throw new CatalogException(CatalogException.Reason.INVALID, "Файл «" + fileName
                    + "» не удалось прочитать как книгу Excel (XLSX): файл повреждён или это не XLSX");
        }
    }

    private static RawTable read(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<String> header = null;
        List<RawTable.Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                cells.add(RawTable.clean(value(row.getCell(i), formatter)));
            }
            if (RawTable.isBlank(cells)) {
                continue;
            }
            if (header == null) {
                header = cells.stream().map(cell -> cell == null ? "" : cell.toString()).toList();
            } else {
                rows.add(new RawTable.Row(row.getRowNum() + 1, cells));
            }
        }
        return new RawTable(header == null ? List.of() : header, rows);
    }

    private static Object value(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate()
                    : number(cell, formatter);
            case BOOLEAN -> cell.getBooleanCellValue() ? "ИСТИНА" : "ЛОЖЬ";
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> null;
        };
    }

    /** As displayed, so "000000" keeps leading zeros; General integers in full, never "1.23456E5". */
    private static String number(Cell cell, DataFormatter formatter) {
        double value = cell.getNumericCellValue();
        int formatIndex = cell.getCellStyle().getDataFormat();
        String formatString = cell.getCellStyle().getDataFormatString();
        boolean general = formatIndex == 0 || "General".equalsIgnoreCase(formatString);
        if (general && value == Math.rint(value) && Math.abs(value) < EXACT_INTEGER_LIMIT) {
            return new BigDecimal(value).toBigInteger().toString();
        }
        return formatter.formatRawCellContents(value, formatIndex, formatString);
    }
}
