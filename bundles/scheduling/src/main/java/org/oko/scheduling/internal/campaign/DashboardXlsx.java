package org.oko.scheduling.internal.campaign;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oko.scheduling.internal.Dates;

/** The "general report by district" (seed 000): a dashboard view as an Excel sheet. */
final class DashboardXlsx {

    static final List<String> HEADERS = Stream.of("dashboard.xlsx.column.assigned", "dashboard.xlsx.column.not-started",
            "dashboard.xlsx.column.in-progress", "dashboard.xlsx.column.submitted", "dashboard.xlsx.column.returned",
            "dashboard.xlsx.column.verified", "dashboard.xlsx.column.confirmed", "dashboard.xlsx.column.overdue",
            "dashboard.xlsx.column.confirmation-overdue", "dashboard.xlsx.column.completion").map(key -> TEXTS.ru(key)).toList();

    private DashboardXlsx() {
    }

    static byte[] write(Dashboard.View view) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(TEXTS.ru(view.territoryCode() == null ? "dashboard.xlsx.sheet.territories" : "dashboard.xlsx.sheet.schools"));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            String title = view.territoryCode() == null ? TEXTS.ru("dashboard.xlsx.title.territories")
                    : TEXTS.ru("dashboard.xlsx.title.schools", view.territoryName());
            text(sheet.createRow(0), 0, title + " — " + view.stepTitle(), header);
            text(sheet.createRow(1), 0, TEXTS.ru("dashboard.xlsx.subtitle", view.form(), view.period(),
                    view.deadline() == null ? TEXTS.ru("dashboard.xlsx.no-deadline-yet") : Dates.russian(view.deadline()), Dates.russian(view.today())), null);
            Row head = sheet.createRow(3);
            text(head, 0, TEXTS.ru("dashboard.xlsx.code"), header);
            text(head, 1, TEXTS.ru(view.territoryCode() == null ? "dashboard.xlsx.territory" : "dashboard.xlsx.organisation"), header);
            for (int i = 0; i < HEADERS.size(); i++) {
                text(head, i + 2, HEADERS.get(i), header);
            }
            int r = 4;
            for (Dashboard.Row row : view.rows()) {
                Row line = sheet.createRow(r++);
                text(line, 0, row.code(), null);
                text(line, 1, row.name(), null);
                counts(line, row.counts());
            }
            Row total = sheet.createRow(r);
            text(total, 1, TEXTS.ru("dashboard.xlsx.total"), header);
            counts(total, view.total());
            sheet.setColumnWidth(0, 12 * 256);
            sheet.setColumnWidth(1, 48 * 256);
            for (int i = 0; i < HEADERS.size(); i++) {
                sheet.setColumnWidth(i + 2, 14 * 256);
            }
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            sheet.createFreezePane(2, 4);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void counts(Row line, Dashboard.Counts c) {
        int[] values = {c.assigned(), c.notStarted(), c.inProgress(), c.submitted(), c.returned(), c.verified(), c.confirmed(),
                c.overdue(), c.confirmationOverdue(), c.completion()};
        for (int i = 0; i < values.length; i++) {
            line.createCell(i + 2).setCellValue(values[i]);
        }
    }

    /** Text cells: a name that starts with = + - @ stays text (no formula injection). */
    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
