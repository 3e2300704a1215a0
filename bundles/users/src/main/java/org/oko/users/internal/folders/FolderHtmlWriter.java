package org.oko.users.internal.folders;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.util.List;

/**
 * A self-contained printable page: the same table as the XLSX, then one cut-out card per school
 * that the coordinator hands to that school. No scripts and no external resources, so it opens offline.
 */
public final class FolderHtmlWriter {

    private static final String CSS = """
            body { font-family: "Times New Roman", serif; font-size: 12pt; margin: 1.5em; color: #000; }
            h1 { font-size: 16pt; margin: 0 0 0.5em; }
            h2 { font-size: 14pt; margin: 1.5em 0 0.5em; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; }
            th { background: #eee; }
            table.details th, table.details td { border: none; padding: 1pt 5pt 1pt 0; background: none; }
            .secret { font-family: "Courier New", monospace; font-size: 13pt; letter-spacing: 0.05em; }
            .note { font-style: italic; margin: 1em 0; }
            .cards { display: flex; flex-wrap: wrap; gap: 0; }
            .card { border: 1px dashed #000; padding: 8pt 10pt; margin: 0 0 -1px -1px; width: 48%;
                    box-sizing: border-box; page-break-inside: avoid; break-inside: avoid; }
            .card p { margin: 2pt 0; }
            @media print {
              body { margin: 0; font-size: 11pt; }
              h2.cards-title { page-break-before: always; break-before: page; }
              thead { display: table-header-group; }
              tr { page-break-inside: avoid; break-inside: avoid; }
              th { background: none; }
            }
            @page { size: A4 landscape; margin: 12mm; }
            """;

    /**
     * The page's own Content-Security-Policy: nothing may load or run but its one inline style, named
     * by its hash (the platform's default policy allows no inline style at all).
     */
    public static final String POLICY = "default-src 'none'; style-src 'sha256-" + sha256(CSS) + "'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static String sha256(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String write(Folder folder) {
        StringBuilder html = new StringBuilder(4096 + folder.schools().size() * 800);
        html.append("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(Html.escape(FolderText.TITLE + " — " + FolderText.nullToEmpty(folder.founderName())))
                .append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(Html.escape(FolderText.TITLE)).append("</h1>\n");
        details(html, folder);
        table(html, folder.schools());
        html.append("<p class=\"note\">").append(Html.escape(FolderText.NOTE)).append("</p>\n");
        cards(html, folder);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void details(StringBuilder html, Folder folder) {
        html.append("<table class=\"details\">\n");
        List<List<String>> details = FolderText.details(folder);
        for (int i = 0; i < details.size(); i++) {
            // The last two are the coordinator's own login and password: set them in the readable font.
            String valueClass = i >= details.size() - 2 ? " class=\"secret\"" : "";
            html.append("<tr><th scope=\"row\">").append(Html.escape(details.get(i).get(0)))
                    .append("</th><td").append(valueClass).append('>')
                    .append(Html.escape(details.get(i).get(1))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void table(StringBuilder html, List<SchoolCredential> schools) {
        html.append("<h2>").append(Html.escape(TEXTS.ru("folder.schools"))).append("</h2>\n<table class=\"schools\">\n<thead><tr>");
        for (String title : FolderText.HEADER) {
            html.append("<th>").append(Html.escape(title)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < schools.size(); i++) {
            List<String> row = FolderText.row(i, schools.get(i));
            html.append("<tr>");
            for (int column = 0; column < row.size(); column++) {
                boolean secret = column >= row.size() - 2;
                html.append(secret ? "<td class=\"secret\">" : "<td>").append(Html.escape(row.get(column)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void cards(StringBuilder html, Folder folder) {
        html.append("<h2 class=\"cards-title\">").append(Html.escape(TEXTS.ru("folder.cards"))).append("</h2>\n")
                .append("<div class=\"cards\">\n");
        String url = Html.escape(FolderText.nullToEmpty(folder.systemUrl()));
        for (SchoolCredential school : folder.schools()) {
            html.append("<div class=\"card\">\n")
                    .append("<p><strong>").append(Html.escape(school.organisationName())).append("</strong></p>\n")
                    .append("<p>").append(Html.escape(TEXTS.ru("folder.card-code"))).append(" ").append(Html.escape(school.organisationCode())).append("</p>\n")
                    .append("<p>").append(Html.escape(TEXTS.ru("folder.card-url"))).append(" ").append(url).append("</p>\n")
                    .append("<p>").append(Html.escape(TEXTS.ru("folder.card-login"))).append(" <span class=\"secret\">").append(Html.escape(school.login()))
                    .append("</span></p>\n")
                    .append("<p>").append(Html.escape(TEXTS.ru("folder.card-password"))).append(" <span class=\"secret\">")
                    .append(Html.escape(school.oneTimePassword())).append("</span></p>\n")
                    .append("<p class=\"note\">").append(Html.escape(TEXTS.ru("folder.card-note"))).append("</p>\n")
                    .append("</div>\n");
        }
        html.append("</div>\n");
    }
}
