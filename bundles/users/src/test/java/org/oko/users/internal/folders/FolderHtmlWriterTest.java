package org.oko.users.internal.folders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class FolderHtmlWriterTest {

    private static final Folder FOLDER = Folders.sample();
    private static final String HTML = new FolderHtmlWriter().write(FOLDER);

    private static int count(String haystack, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static String between(String start, String end) {
        int from = HTML.indexOf(start);
        int to = HTML.indexOf(end, from);
        assertTrue(from >= 0 && to > from, start + " … " + end);
        return HTML.substring(from, to);
    }

    @Test
    void everyLoginAndPasswordOnceInTableAndOnceInACard() {
        String table = between("<table class=\"schools\">", "</table>");
        String cards = between("<div class=\"cards\">", "</body>");
        for (SchoolCredential school : FOLDER.schools()) {
            for (String secret : new String[] {school.login(), school.oneTimePassword()}) {
                String cell = ">" + secret + "<";
                assertEquals(1, count(table, cell), secret);
                assertEquals(1, count(cards, cell), secret);
                assertEquals(2, count(HTML, cell), secret);
            }
        }
        assertEquals(FOLDER.schools().size(), count(cards, "<div class=\"card\">"));
    }

    @Test
    void cardHoldsNameCodeAndUrl() {
        String cards = between("<div class=\"cards\">", "</body>");
        assertTrue(cards.contains("МАОУ «Лицей № 2» &amp; К"));
        assertTrue(cards.contains("Код ОО: 640123"));
        assertEquals(FOLDER.schools().size(), count(cards, "https://oko.example.ru/"));
    }

    @Test
    void coordinatorDetailsAndNotePresent() {
        for (String expected : new String[] {"Электронная папка: реквизиты доступа к системе ОКО",
                "Управление образования «Город N»", "640000", "01.09.2025", "uo640000", "Kf7mPq2xZr",
                "Пароли одноразовые: при первом входе система попросит задать новый пароль. "
                        + "Передавайте реквизиты конфиденциально."}) {
            assertTrue(HTML.contains(expected), expected);
        }
    }

    @Test
    void escapesNamesAndHasNoScript() {
        assertFalse(HTML.toLowerCase().contains("<script"));
        assertTrue(HTML.contains("МБОУ &quot;СОШ № 1&quot; &lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals("&lt;a href=&quot;x&quot;&gt; &amp; &#39;", Html.escape("<a href=\"x\"> & '"));
    }

    @Test
    void selfContainedPrintablePage() {
        assertTrue(HTML.startsWith("<!DOCTYPE html>"));
        assertTrue(HTML.contains("<html lang=\"ru\">"));
        assertTrue(HTML.contains("<meta charset=\"UTF-8\">"));
        assertTrue(HTML.contains("@media print"));
        assertTrue(HTML.contains("page-break-inside: avoid"));
        assertFalse(HTML.contains("<link"));
        assertFalse(HTML.contains("src="));
        assertFalse(HTML.contains("@import"));
    }
}
