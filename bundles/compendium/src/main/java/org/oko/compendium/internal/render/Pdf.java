package org.oko.compendium.internal.render;

import static org.oko.compendium.internal.CompendiumTexts.TEXTS;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import org.oko.compendium.api.Chapter;
import org.oko.compendium.internal.book.Book;

/**
 * The compendium as a PDF (OpenPDF): A4, Liberation Sans embedded (OpenPDF's own copy, with Cyrillic), a title page,
 * contents with the page of each chapter, table and figure (laid out twice: the first pass finds the pages), bookmarks,
 * tables whose header repeats on each page, the figures drawn as vectors, page numbers, and a draft marked on every page.
 */
public final class Pdf {

    private static final byte[] FONT = font();
    private static final Color HEAD = new Color(0xe8, 0xee, 0xf7);
    private static final Color TOTAL = new Color(0xf2, 0xf2, 0xf2);

    private Pdf() {
    }

    private static byte[] font() {
        try (InputStream in = BaseFont.class.getResourceAsStream("/font-fallback/LiberationSans-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("OpenPDF's Liberation Sans is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] render(Book book, Stamp stamp, String language) {
        String lang = "en".equals(language) ? "en" : "ru";
        Outline outline = Outline.of(book);
        Map<String, Integer> pages = new HashMap<>();
        render(book, stamp, lang, outline, pages, false); // finds the pages for the contents
        return render(book, stamp, lang, outline, pages, true);
    }

    private static byte[] render(Book book, Stamp stamp, String lang, Outline outline, Map<String, Integer> pages, boolean last) {
        try {
            BaseFont base = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, FONT, null);
            Fonts fonts = new Fonts(base);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 50, 40, 50, 50);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setStrictImageSequence(true); // a figure that moves to the next page takes its caption along, in order
            Map<String, Integer> found = new HashMap<>();
            writer.setPageEvent(new Pages(base, stamp, lang, found, last));
            document.addTitle(Cells.text(book.title(), lang) + " — " + book.year());
            document.addCreator("OKO");
            document.open();
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(lang));
            titlePage(document, book, stamp, lang, fonts);
            contents(document, outline, lang, fonts, pages);
            for (Outline.Part part : outline.chapters()) {
                document.newPage();
                String title = part.number() + ". " + Cells.text(part.chapter().title(), lang);
                Paragraph heading = new Paragraph(tagged(title, fonts.heading, "ch" + part.number(), title));
                heading.setSpacingAfter(10);
                document.add(heading);
                if (part.blocks().isEmpty()) {
                    document.add(new Paragraph(TEXTS.in(lang, "compendium.nothing"), fonts.body));
                }
                for (Outline.Numbered numbered : part.blocks()) {
                    block(document, writer, numbered, lang, fonts, base);
                }
            }
            document.close();
            pages.clear();
            pages.putAll(found);
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The compendium's PDF could not be laid out: " + e.getMessage(), e);
        }
    }

    private record Fonts(Font title, Font heading, Font subheading, Font body, Font small, Font caption, Font draft) {
        Fonts(BaseFont base) {
            this(new Font(base, 22), new Font(base, 15, Font.NORMAL, new Color(0x1f, 0x5f, 0xa8)), new Font(base, 12), new Font(base, 10),
                    new Font(base, 8), new Font(base, 10), new Font(base, 14, Font.NORMAL, new Color(0xaa, 0, 0)));
        }
    }

    /** A chunk that tells the page events where it landed (for the contents and bookmarks), drawn heavier as a heading. */
    private static Chunk tagged(String text, Font font, String tag, String bookmark) {
        Chunk chunk = new Chunk(text, font);
        chunk.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, font.getSize() > 12 ? 0.3f : 0.15f, null);
        chunk.setGenericTag(tag + "\u0000" + bookmark);
        chunk.setLocalDestination(tag);
        return chunk;
    }

    private static void titlePage(Document document, Book book, Stamp stamp, String lang, Fonts fonts) throws DocumentException {
        centred(document, new Paragraph(Cells.text(book.region(), lang), fonts.subheading), 150, 40);
        centred(document, new Paragraph(new Chunk(Cells.text(book.title(), lang), fonts.title)
                .setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, 0.4f, null)), 0, 20);
        centred(document, new Paragraph(TEXTS.in(lang, "compendium.for-year", String.valueOf(book.year())), fonts.subheading), 0, 60);
        centred(document, new Paragraph(TEXTS.in(lang, "compendium.edition", stamp.edition(), Cells.DATE.format(book.built())), fonts.body), 0, 4);
        String approval = stamp.approval(lang);
        if (approval != null) {
            centred(document, new Paragraph(approval, fonts.body), 0, 4);
        }
        if (stamp.draft()) {
            centred(document, new Paragraph(TEXTS.in(lang, "compendium.draft"), fonts.draft), 30, 0);
        }
    }

    private static void centred(Document document, Paragraph paragraph, float before, float after) throws DocumentException {
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        document.add(paragraph);
    }

    private static void contents(Document document, Outline outline, String lang, Fonts fonts, Map<String, Integer> pages) throws DocumentException {
        document.newPage();
        Paragraph heading = new Paragraph(new Chunk(TEXTS.in(lang, "compendium.contents"), fonts.heading)
                .setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, 0.3f, null));
        heading.setSpacingAfter(10);
        document.add(heading);
        PdfPTable table = new PdfPTable(new float[] {92, 8});
        table.setWidthPercentage(100);
        for (Outline.Part part : outline.chapters()) {
            entry(table, part.number() + ". " + Cells.text(part.chapter().title(), lang), "ch" + part.number(), fonts.body, 0, pages);
            for (Outline.Numbered numbered : part.blocks()) {
                if (numbered.block() instanceof Chapter.Table t) {
                    entry(table, TEXTS.in(lang, "compendium.table", numbered.number(), Cells.text(t.title(), lang)), "t" + numbered.number(), fonts.small,
                            14, pages);
                } else if (numbered.block() instanceof Chapter.Chart c) {
                    entry(table, TEXTS.in(lang, "compendium.figure", numbered.number(), Cells.text(c.title(), lang)), "f" + numbered.number(),
                            fonts.small, 14, pages);
                }
            }
        }
        document.add(table);
    }

    private static void entry(PdfPTable table, String text, String tag, Font font, float indent, Map<String, Integer> pages) {
        Chunk link = new Chunk(text, font);
        link.setLocalGoto(tag);
        PdfPCell title = new PdfPCell(new Phrase(link));
        title.setBorder(Rectangle.NO_BORDER);
        title.setPaddingLeft(indent);
        PdfPCell page = new PdfPCell(new Phrase(pages.containsKey(tag) ? String.valueOf(pages.get(tag)) : "000", font));
        page.setBorder(Rectangle.NO_BORDER);
        page.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(title);
        table.addCell(page);
    }

    private static void block(Document document, PdfWriter writer, Outline.Numbered numbered, String lang, Fonts fonts, BaseFont base)
            throws DocumentException {
        if (numbered.block() instanceof Chapter.Text text) {
            Paragraph p = text.heading() ? new Paragraph(new Chunk(Cells.text(text.text(), lang), fonts.subheading)
                    .setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, 0.2f, null)) : new Paragraph(Cells.text(text.text(), lang), fonts.body);
            p.setSpacingBefore(text.heading() ? 8 : 2);
            p.setSpacingAfter(4);
            document.add(p);
        } else if (numbered.block() instanceof Chapter.Table table) {
            String caption = TEXTS.in(lang, "compendium.table", numbered.number(), Cells.text(table.title(), lang));
            roomFor(document, writer, 90); // a caption with its header and first rows, never alone at a page's foot
            Paragraph title = new Paragraph(tagged(caption, fonts.caption, "t" + numbered.number(), caption));
            title.setSpacingBefore(8);
            title.setKeepTogether(true);
            document.add(title);
            PdfPTable body = table(table, lang, fonts);
            body.setSpacingBefore(5); // clear of the caption's descenders
            document.add(body);
            if (table.note() != null) {
                document.add(new Paragraph(Cells.text(table.note(), lang), fonts.small));
            }
        } else if (numbered.block() instanceof Chapter.Chart chart) {
            float height = (float) ChartPainter.height(chart);
            roomFor(document, writer, Math.min(height, document.top() - document.bottom() - 60) + 40);
            PdfTemplate template = writer.getDirectContent().createTemplate((float) ChartPainter.WIDTH, height);
            ChartPainter.paint(chart, lang, new PdfCanvas(template, base, height));
            Image image = Image.getInstance(template);
            image.scaleToFit(document.right() - document.left(), document.top() - document.bottom() - 60);
            image.setSpacingBefore(8);
            document.add(image);
            String caption = TEXTS.in(lang, "compendium.figure", numbered.number(), Cells.text(chart.title(), lang));
            Paragraph title = new Paragraph(tagged(caption, fonts.caption, "f" + numbered.number(), caption));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingAfter(10);
            document.add(title);
        }
    }

    /** Starts a new page unless {@code points} are left above the bottom margin. */
    private static void roomFor(Document document, PdfWriter writer, float points) {
        if (writer.getVerticalPosition(true) - document.bottom() < points) {
            document.newPage();
        }
    }

    private static PdfPTable table(Chapter.Table table, String lang, Fonts fonts) {
        int columns = table.columns().size() + 1;
        float[] widths = new float[columns];
        widths[0] = Math.max(3, columns <= 4 ? 4 : 3);
        for (int i = 1; i < columns; i++) {
            widths[i] = 1.3f;
        }
        PdfPTable pdf = new PdfPTable(widths);
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        Font font = columns > 9 ? fonts.small : new Font(fonts.body.getBaseFont(), 9);
        pdf.addCell(cell(Cells.text(table.labelColumn(), lang), font, HEAD, Element.ALIGN_LEFT));
        table.columns().forEach(c -> pdf.addCell(cell(Cells.text(c, lang), font, HEAD, Element.ALIGN_CENTER)));
        for (Chapter.Row row : table.rows()) {
            row(pdf, row, lang, font, null);
        }
        if (table.total() != null) {
            row(pdf, table.total(), lang, font, TOTAL);
        }
        return pdf;
    }

    private static void row(PdfPTable pdf, Chapter.Row row, String lang, Font font, Color background) {
        pdf.addCell(cell(Cells.text(row.label(), lang), font, background, Element.ALIGN_LEFT));
        for (int i = 0; i < pdf.getNumberOfColumns() - 1; i++) {
            Object value = i < row.values().size() ? row.values().get(i) : null;
            pdf.addCell(cell(Cells.text(value, lang), font, background, value instanceof Number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
        }
    }

    private static PdfPCell cell(String text, Font font, Color background, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setPadding(3);
        cell.setBorderColor(Color.GRAY);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    /** Page numbers, the draft mark, and where each tagged heading and caption landed (its page, a bookmark for chapters). */
    private static final class Pages extends PdfPageEventHelper {
        private final BaseFont font;
        private final Stamp stamp;
        private final String lang;
        private final Map<String, Integer> found;
        private final boolean bookmarks;

        Pages(BaseFont font, Stamp stamp, String lang, Map<String, Integer> found, boolean bookmarks) {
            this.font = font;
            this.stamp = stamp;
            this.lang = lang;
            this.found = found;
            this.bookmarks = bookmarks;
        }

        @Override
        public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String text) {
            int split = text.indexOf('\u0000');
            String tag = text.substring(0, split);
            if (found.putIfAbsent(tag, writer.getPageNumber()) == null && bookmarks && tag.startsWith("ch")) {
                new PdfOutline(writer.getRootOutline(), new PdfDestination(PdfDestination.XYZ, rect.getLeft(), rect.getTop() + 20, 0),
                        text.substring(split + 1));
            }
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            canvas.beginText();
            canvas.setFontAndSize(font, 8);
            canvas.setColorFill(Color.DARK_GRAY);
            if (writer.getPageNumber() > 1) {
                canvas.showTextAligned(Element.ALIGN_CENTER, String.valueOf(writer.getPageNumber()), (document.left() + document.right()) / 2,
                        document.bottom() - 25, 0);
            }
            if (stamp.draft()) {
                canvas.setColorFill(new Color(0xaa, 0, 0));
                canvas.showTextAligned(Element.ALIGN_RIGHT, TEXTS.in(lang, "compendium.draft"), document.right(), document.top() + 20, 0);
            }
            canvas.endText();
        }
    }
}
