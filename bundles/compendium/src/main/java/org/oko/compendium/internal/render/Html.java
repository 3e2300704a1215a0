package org.oko.compendium.internal.render;

import static org.oko.compendium.internal.CompendiumTexts.TEXTS;

import org.oko.compendium.api.Chapter;
import org.oko.compendium.internal.book.Book;

/**
 * The compendium as one printable HTML page: title page, contents with links, chapters with numbered tables and
 * figures (inline SVG, so that it prints without scripts), the draft marked on every printed page.
 */
public final class Html {

    private static final String STYLE = """
            body{font-family:"Liberation Sans",Arial,sans-serif;color:#222;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.4}
            .title{min-height:60vh;display:flex;flex-direction:column;justify-content:center;text-align:center;page-break-after:always}
            .title h1{font-size:2rem}.draft{color:#a00;font-weight:bold;text-transform:uppercase}
            nav ol{padding-left:1.2rem}nav{page-break-after:always}
            h2{page-break-before:always;border-bottom:2px solid #1f5fa8;padding-bottom:.2rem}nav h2{page-break-before:avoid}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1.2rem;font-size:.85rem;page-break-inside:auto}
            caption{text-align:left;font-weight:bold;margin-bottom:.3rem}
            th,td{border:1px solid #999;padding:.2rem .4rem}td.n{text-align:right;white-space:nowrap}
            thead th{background:#e8eef7}tr.total td,tr.total th{font-weight:bold;background:#f2f2f2}
            thead{display:table-header-group}tr{page-break-inside:avoid}
            figure{margin:.5rem 0 1.2rem;page-break-inside:avoid}figure svg{width:100%;max-width:40rem;height:auto}
            figcaption{font-weight:bold}.note{font-size:.8rem;color:#555}
            @page{size:A4;margin:18mm 15mm}
            @media print{.draft-mark{position:fixed;top:0;right:0;color:#a00}}
            """;

    /**
     * The page's own Content-Security-Policy, sent with it instead of the platform's (which forbids inline styles): its
     * one style block by hash, no script at all, nothing from elsewhere, no framing.
     */
    public static final String POLICY = "default-src 'none'; style-src '" + hash(STYLE) + "'; img-src data:; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private Html() {
    }

    private static String hash(String style) {
        try {
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String render(Book book, Stamp stamp, String language) {
        String lang = "en".equals(language) ? "en" : "ru";
        Outline outline = Outline.of(book);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(Cells.text(book.title(), lang) + " — " + book.year())).append("</title><style>").append(STYLE).append("</style></head><body>");
        if (stamp.draft()) {
            html.append("<div class=\"draft-mark draft\">").append(escape(TEXTS.in(lang, "compendium.draft"))).append("</div>");
        }
        html.append("<header class=\"title\"><p>").append(escape(Cells.text(book.region(), lang))).append("</p><h1>")
                .append(escape(Cells.text(book.title(), lang))).append("</h1><p>").append(escape(TEXTS.in(lang, "compendium.for-year", String.valueOf(book.year()))))
                .append("</p><p>").append(escape(TEXTS.in(lang, "compendium.edition", stamp.edition(), Cells.DATE.format(book.built())))).append("</p>");
        String approval = stamp.approval(lang);
        if (approval != null) {
            html.append("<p>").append(escape(approval)).append("</p>");
        }
        if (stamp.draft()) {
            html.append("<p class=\"draft\">").append(escape(TEXTS.in(lang, "compendium.draft"))).append("</p>");
        }
        html.append("</header><nav aria-labelledby=\"contents\"><h2 id=\"contents\">")
                .append(escape(TEXTS.in(lang, "compendium.contents"))).append("</h2><ol>");
        for (Outline.Part part : outline.chapters()) {
            html.append("<li><a href=\"#ch").append(part.number()).append("\">").append(escape(Cells.text(part.chapter().title(), lang))).append("</a></li>");
        }
        html.append("</ol></nav><main>");
        for (Outline.Part part : outline.chapters()) {
            html.append("<section><h2 id=\"ch").append(part.number()).append("\">").append(part.number()).append(". ")
                    .append(escape(Cells.text(part.chapter().title(), lang))).append("</h2>");
            if (part.blocks().isEmpty()) {
                html.append("<p>").append(escape(TEXTS.in(lang, "compendium.nothing"))).append("</p>");
            }
            for (Outline.Numbered numbered : part.blocks()) {
                block(html, numbered, lang);
            }
            html.append("</section>");
        }
        return html.append("</main></body></html>").toString();
    }

    private static void block(StringBuilder html, Outline.Numbered numbered, String lang) {
        if (numbered.block() instanceof Chapter.Text text) {
            html.append(text.heading() ? "<h3>" : "<p>").append(escape(Cells.text(text.text(), lang))).append(text.heading() ? "</h3>" : "</p>");
        } else if (numbered.block() instanceof Chapter.Table table) {
            html.append("<table><caption>").append(escape(TEXTS.in(lang, "compendium.table", numbered.number(), Cells.text(table.title(), lang))))
                    .append("</caption><thead><tr><th scope=\"col\">").append(escape(Cells.text(table.labelColumn(), lang))).append("</th>");
            table.columns().forEach(c -> html.append("<th scope=\"col\">").append(escape(Cells.text(c, lang))).append("</th>"));
            html.append("</tr></thead><tbody>");
            table.rows().forEach(r -> row(html, r, lang, ""));
            if (table.total() != null) {
                row(html, table.total(), lang, " class=\"total\"");
            }
            html.append("</tbody></table>");
            if (table.note() != null) {
                html.append("<p class=\"note\">").append(escape(Cells.text(table.note(), lang))).append("</p>");
            }
        } else if (numbered.block() instanceof Chapter.Chart chart) {
            String caption = TEXTS.in(lang, "compendium.figure", numbered.number(), Cells.text(chart.title(), lang));
            SvgCanvas canvas = new SvgCanvas();
            ChartPainter.paint(chart, lang, canvas);
            html.append("<figure>").append(canvas.svg(ChartPainter.WIDTH, ChartPainter.height(chart), caption)).append("<figcaption>")
                    .append(escape(caption)).append("</figcaption></figure>");
        }
    }

    private static void row(StringBuilder html, Chapter.Row row, String lang, String attributes) {
        html.append("<tr").append(attributes).append("><th scope=\"row\">").append(escape(Cells.text(row.label(), lang))).append("</th>");
        for (Object value : row.values()) {
            html.append(value instanceof Number ? "<td class=\"n\">" : "<td>").append(escape(Cells.text(value, lang))).append("</td>");
        }
        html.append("</tr>");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
