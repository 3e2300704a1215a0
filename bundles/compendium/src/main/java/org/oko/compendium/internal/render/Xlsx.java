package org.oko.compendium.internal.render;

import static org.oko.compendium.internal.CompendiumTexts.TEXTS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.oko.compendium.api.Chapter;
import org.oko.compendium.internal.book.Book;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.tables.api.XlsxWriter;

/** Every table of the compendium in one workbook (the platform's XLSX writer): a contents sheet, then a sheet per table as numbered. */
public final class Xlsx {

    private Xlsx() {
    }

    public static byte[] render(Book book, String language) throws IOException {
        String lang = "en".equals(language) ? "en" : "ru";
        List<Outline.Numbered> tables = Outline.of(book).tables();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(TEXTS.in(lang, "compendium.contents"), List.of(TEXTS.in(lang, "compendium.xlsx.sheet"), TEXTS.in(lang, "compendium.xlsx.title")));
            for (Outline.Numbered numbered : tables) {
                xlsx.row(sheetName(numbered, lang), Cells.text(((Chapter.Table) numbered.block()).title(), lang));
            }
            for (Outline.Numbered numbered : tables) {
                Chapter.Table table = (Chapter.Table) numbered.block();
                List<String> headers = new ArrayList<>();
                headers.add(Cells.text(table.labelColumn(), lang));
                table.columns().forEach(c -> headers.add(Cells.text(c, lang)));
                xlsx.sheet(sheetName(numbered, lang), headers);
                table.rows().forEach(r -> xlsx.row(cells(r, lang)));
                if (table.total() != null) {
                    xlsx.row(cells(table.total(), lang));
                }
                if (table.note() != null) {
                    xlsx.row(Cells.text(table.note(), lang));
                }
            }
            xlsx.write(out);
        }
        return out.toByteArray();
    }

    private static String sheetName(Outline.Numbered numbered, String lang) {
        return TEXTS.in(lang, "compendium.xlsx.table", numbered.number());
    }

    /** Numbers stay numbers (Excel sums them); texts in the language asked. */
    private static List<Object> cells(Chapter.Row row, String lang) {
        List<Object> cells = new ArrayList<>();
        cells.add(Cells.text(row.label(), lang));
        for (Object value : row.values()) {
            cells.add(value instanceof ApiMessage message ? message.in(lang) : value);
        }
        return cells;
    }
}
