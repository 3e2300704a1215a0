package org.oko.compendium.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.compendium.api.Chapter;
import org.oko.compendium.internal.book.Book;
import org.oko.compendium.internal.book.BookJson;
import org.oko.platform.api.rest.ApiMessage;

/** The three outputs of one book, read back with other libraries (PDFBox, POI) as their readers would. */
class RenderTest {

    static Book book(int territories) {
        List<Chapter.Row> rows = new ArrayList<>();
        List<ApiMessage> names = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 1; i <= territories; i++) {
            ApiMessage name = ApiMessage.of("Муниципалитет № " + i, "Municipality " + i);
            rows.add(new Chapter.Row(name, List.of(i * 10, new BigDecimal("72.5"))));
            names.add(name);
            values.add(BigDecimal.valueOf(i * 10L));
        }
        Chapter.Table table = new Chapter.Table(ApiMessage.of("Школы по муниципалитетам", "Schools"), ApiMessage.of("Муниципалитет", "Municipality"),
                List.of(ApiMessage.of("Школ", "Schools"), ApiMessage.of("Качество, %", "Quality, %")), rows,
                new Chapter.Row(ApiMessage.of("Регион", "Region"), List.of(1234, ApiMessage.of("нет", "none"))), ApiMessage.of("Примечание", "Note"));
        Chapter.Chart bars = new Chapter.Chart(ApiMessage.of("Школы", "Schools"), Chapter.Chart.BARS, names,
                List.of(new Chapter.Series(ApiMessage.of("Школ", "Schools"), values)), null);
        Chapter.Chart lines = new Chapter.Chart(ApiMessage.of("Динамика", "Dynamics"), Chapter.Chart.LINES,
                List.of(ApiMessage.of("2024", null), ApiMessage.of("2025", null)),
                List.of(new Chapter.Series(ApiMessage.of("Регион", "Region"), List.of(new BigDecimal("1.5"), new BigDecimal("2.5"))),
                        new Chapter.Series(ApiMessage.of("Цель", "Target"), java.util.Arrays.asList(null, new BigDecimal("3")))), null);
        return new Book(ApiMessage.of("Статистический сборник", "Compendium"), ApiMessage.of("Энская область", "Enskaya oblast"), 2026, "region", 1,
                Instant.parse("2026-12-05T10:00:00Z"), List.of(new Chapter(ApiMessage.of("Сеть школ", "Schools"),
                        List.of(Chapter.Text.paragraph(ApiMessage.of("Вводный текст", "Lead")), table, bars)),
                new Chapter(ApiMessage.of("Динамика показателей", "Dynamics"), List.of(Chapter.Text.heading(ApiMessage.of("Раздел", "Part")), lines)),
                new Chapter(ApiMessage.of("Пустая глава", "Empty"), List.of())), List.of("gto"));
    }

    @Test
    void pdfHasCyrillicTextContentsAndTotals() throws Exception {
        byte[] pdf = Pdf.render(book(60), new Stamp(2, "DRAFT", null, null), "ru");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 5, "title, contents, three chapters");
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Статистический сборник"), text);
            assertTrue(text.contains("Энская область"));
            assertTrue(text.contains("1. Сеть школ"));
            assertTrue(text.contains("2. Динамика показателей"));
            assertTrue(text.contains("Таблица 1.1. Школы по муниципалитетам"));
            assertTrue(text.contains("Рисунок 1.1. Школы"));
            assertTrue(text.contains("Рисунок 2.1. Динамика"));
            assertTrue(text.contains("Муниципалитет № 60"), "a long table goes on over pages");
            assertTrue(text.replace('\u00a0', ' ').contains("Регион 1 234 нет"), "the total row, digits grouped as in Russian");
            assertTrue(text.contains("72,5"), "a decimal comma");
            assertTrue(text.contains("Проект"), "a draft says so");
            assertTrue(text.contains("За этот год данных нет."));
            assertFalse(text.contains("000\n"), "the contents' pages were filled in");
            assertEquals(3, count(document.getDocumentCatalog().getDocumentOutline()), "a bookmark per chapter");
            PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded(), "the font travels with the file");
        }
    }

    private static int count(org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline outline) {
        int n = 0;
        for (Object ignored : outline.children()) {
            n++;
        }
        return n;
    }

    @Test
    void approvedPdfHasNoDraftMarkAndNamesTheApprover() throws Exception {
        byte[] pdf = Pdf.render(book(3), new Stamp(1, "APPROVED", "Иванова Анна Петровна", Instant.parse("2026-12-06T10:00:00Z")), "ru");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertFalse(text.contains("Проект"));
            assertTrue(text.contains("Утверждён: Иванова Анна Петровна, 06.12.2026"), text);
        }
    }

    /** An approver without a name on the account (or an edition approved before names were kept): the date alone. */
    @Test
    void anUnnamedApprovalPrintsTheDateAlone() throws Exception {
        Stamp stamp = new Stamp(1, "APPROVED", null, Instant.parse("2026-12-06T10:00:00Z"));
        try (PDDocument document = Loader.loadPDF(Pdf.render(book(3), stamp, "ru"))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Утверждён 06.12.2026"), text);
            assertFalse(text.contains("Утверждён:"), text);
        }
        assertTrue(Html.render(book(3), stamp, "en").contains("<p>Approved on 06.12.2026</p>"));
    }

    @Test
    void englishPdf() throws Exception {
        try (PDDocument document = Loader.loadPDF(Pdf.render(book(3), new Stamp(1, "PUBLISHED", "a", Instant.now()), "en"))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Table 1.1. Schools"));
            assertTrue(text.contains("Region 1,234 none"), text);
        }
    }

    @Test
    void htmlIsOnePrintablePage() throws Exception {
        String html = Html.render(book(3), new Stamp(1, "DRAFT", null, null), "ru");
        assertTrue(html.startsWith("<!DOCTYPE html><html lang=\"ru\">"));
        assertTrue(html.contains("<caption>Таблица 1.1. Школы по муниципалитетам</caption>"));
        assertTrue(html.contains("<svg") && html.contains("aria-label=\"Рисунок 2.1. Динамика\""));
        assertTrue(html.contains("<tr class=\"total\"><th scope=\"row\">Регион</th><td class=\"n\">1\u00a0234</td>"));
        assertTrue(html.contains("<a href=\"#ch3\">Пустая глава</a>"));
        assertFalse(html.contains(" style=\""), "no style attribute: the page's policy allows its style block only");
        String style = html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>"));
        assertTrue(Html.POLICY.contains("'sha256-" + java.util.Base64.getEncoder().encodeToString(sha256(style)) + "'"), Html.POLICY);
    }

    private static byte[] sha256(String text) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void xlsxHasEveryTableWithNumbers() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Xlsx.render(book(3), "ru")))) {
            assertEquals(2, workbook.getNumberOfSheets());
            assertEquals("Табл. 1.1", workbook.getSheetName(1));
            var sheet = workbook.getSheetAt(1);
            assertEquals("Муниципалитет № 3", sheet.getRow(3).getCell(0).getStringCellValue());
            assertEquals(30, sheet.getRow(3).getCell(1).getNumericCellValue());
            assertEquals(1234, sheet.getRow(4).getCell(1).getNumericCellValue(), "the total, a number Excel sums");
        }
    }

    @Test
    void bookSurvivesItsJson() throws Exception {
        Book book = book(3);
        Book read = BookJson.read(BookJson.write(book));
        assertEquals(book.chapters().size(), read.chapters().size());
        Chapter.Table table = (Chapter.Table) read.chapters().get(0).blocks().get(1);
        assertEquals(30L, table.rows().get(2).values().get(0));
        assertEquals(new BigDecimal("72.5"), table.rows().get(2).values().get(1));
        assertEquals(ApiMessage.of("нет", "none"), table.total().values().get(1));
        assertTrue(((Chapter.Text) read.chapters().get(1).blocks().get(0)).heading());
        assertEquals(Html.render(book, new Stamp(1, "DRAFT", null, null), "ru"), Html.render(read, new Stamp(1, "DRAFT", null, null), "ru"));
    }
}
