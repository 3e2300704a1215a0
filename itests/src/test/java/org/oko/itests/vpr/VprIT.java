package org.oko.itests.vpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.OkoContainerTest;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ВПР module in the running platform: a generated region file imported through the API as a
 * background job, form 7 checked against the counts the test made (and МИАС form 7 prefilled from them), the
 * signs of a school made to look non-objective, a bad file refused whole, a school's results replaced, and the module
 * removed and installed again at runtime with its data kept.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class VprIT extends OkoContainerTest {

    private static final String TEST = "2026-math-5";
    // The shipped spec: 14 tasks, maxima below, marks 3/4/5 from 5/10/15 points.
    private static final int[] MAX = {1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 2};
    private static final String HEADER;

    static {
        StringBuilder header = new StringBuilder("Код ОО;Код участника;Класс;Вариант");
        for (int i = 1; i <= MAX.length; i++) {
            header.append(';').append(i);
        }
        HEADER = header.append(";Первичный балл;Отметка;Отметка по журналу").toString();
    }

    /** A participant code as the federal files write them: five digits, each school from 00001. */
    private static String code(int number) {
        return String.format("%05d", number);
    }

    private static int mark(int total) {
        return total >= 15 ? 5 : total >= 10 ? 4 : total >= 5 ? 3 : 2;
    }

    /** A work of the given total, the points spread over the tasks in order. */
    private static String row(String school, String participant, int total, int journal) {
        StringBuilder line = new StringBuilder(school + ";" + participant + ";5А;1");
        int left = total;
        for (int max : MAX) {
            int score = Math.min(max, left);
            left -= score;
            line.append(';').append(score);
        }
        return line.append(';').append(total).append(';').append(mark(total)).append(';').append(journal == 0 ? "" : journal).toString();
    }

    @Test
    public void aRegionFileIsImportedCountedJudgedAndKeptAcrossTheModulesRemoval() throws Exception {
        prepare();
        // VS1 and VS2 ordinary (totals 0–15, journal marks mostly confirmed); VS3 all top marks over journal 3. As in the
        // federal files, every school numbers its participants from 00001: the codes repeat across schools.
        List<String> rows = new ArrayList<>();
        int vs1Quality = 0;
        int vs1Lowered = 0;
        int[] vs1Marks = new int[6];
        for (int i = 0; i < 40; i++) {
            int total = (i * 7) % 16;
            int journal = i % 5 == 0 ? Math.min(5, mark(total) + 1) : mark(total);
            rows.add(row("VS1", code(i + 1), total, journal));
            vs1Quality += mark(total) >= 4 ? 1 : 0;
            vs1Lowered += mark(total) < journal ? 1 : 0;
            vs1Marks[mark(total)]++;
            rows.add(row("VS2", code(i + 1), (i * 3) % 16, mark((i * 3) % 16)));
        }
        for (int i = 0; i < 20; i++) {
            rows.add(row("VS3", code(i + 1), 20, 3));
        }
        JsonNode done = importFile("vt-math5.csv", rows, false);
        assertEquals(done.toString(), "DONE", done.get("state").asText());
        assertEquals(100, done.get("works").asInt());

        JsonNode form7 = JSON.readTree(get("/api/vpr/tests/" + TEST + "/form7?school=VS1").body());
        assertEquals(40, form7.get("school").get("participants").asInt());
        assertEquals(percent(vs1Quality, 40), form7.get("school").get("quality").decimalValue());
        assertEquals(percent(vs1Lowered, 40), form7.get("school").get("lowered").decimalValue());
        assertEquals("VT", form7.get("territory").get("code").asText());
        assertEquals(100, form7.get("territory").get("participants").asInt());
        assertTrue(form7.get("region").get("participants").asInt() >= 100);
        assertEquals(MAX.length, form7.get("school").get("taskSuccess").size());
        assertEquals(0, form7.get("flags").size());

        publicCatalogueShowsVprOnlyOncePublished(vs1Marks);

        // МИАС form 7 of VS1 for the period 2026: its results table filled from the works of 2026; the total is typed.
        HttpResponse<String> assigned7 = sendJson("POST", "/api/submissions", Map.of("period", "2026", "formId", "miac-7",
                "organisationCode", "VS1"));
        assertEquals(assigned7.body(), 201, assigned7.statusCode());
        long miac7 = JSON.readTree(assigned7.body()).get("id").asLong();
        JsonNode prefilled = JSON.readTree(get("/api/submissions/" + miac7).body());
        JsonNode cells = prefilled.get("computed");
        assertEquals(cells.toString(), 40, cells.get("vpr_results.participants[5-math]").asInt());
        for (int mark = 2; mark <= 5; mark++) {
            assertEquals("mark " + mark, vs1Marks[mark], cells.get("vpr_results.mark" + mark + "[5-math]").asInt());
        }
        assertEquals(vs1Lowered, cells.get("vpr_results.lowered[5-math]").asInt());
        assertEquals(40 - vs1Lowered, cells.get("vpr_results.confirmed[5-math]").asInt());
        assertEquals(0, cells.get("vpr_results.raised[5-math]").asInt());
        assertEquals(percent(vs1Quality, 40).doubleValue(), cells.get("vpr_results.quality[5-math]").asDouble(), 0.001);
        assertFalse("VS1 wrote no Russian: the row stays empty", cells.hasNonNull("vpr_results.participants[5-rus]"));
        String calculated = prefilled.get("calculated").toString();
        assertTrue(calculated, calculated.contains("vpr_results.mark5[5-math]") && calculated.contains("vpr_results.lowered[5-rus]"));
        assertFalse("the total is typed, rows of tests without a spec too: " + calculated,
                calculated.contains("vpr_participants_total") || calculated.contains("[4-rus]"));
        HttpResponse<String> lastYear = sendJson("POST", "/api/submissions", Map.of("period", "2025", "formId", "miac-7",
                "organisationCode", "VS1"));
        assertEquals(lastYear.body(), 201, lastYear.statusCode());
        JsonNode none = JSON.readTree(get("/api/submissions/" + JSON.readTree(lastYear.body()).get("id").asLong()).body()).get("computed");
        assertFalse("no works of 2025: nothing filled " + none, none.hasNonNull("vpr_results.participants[5-math]"));

        JsonNode flags = JSON.readTree(get("/api/vpr/tests/" + TEST + "/flags").body());
        List<String> vs3 = new ArrayList<>();
        flags.forEach(f -> {
            if (f.get("school").asText().equals("VS3")) {
                vs3.add(f.get("rule").asText());
            }
            assertFalse("VS1 is ordinary: " + f, f.get("school").asText().equals("VS1"));
        });
        assertTrue(vs3.toString(), vs3.contains("TOP_MARKS") && vs3.contains("JOURNAL_RAISED"));

        // The same tables in one workbook: the schools with form 7's figures, the territories beside the region, the signs.
        HttpResponse<byte[]> export = getBytes("/api/vpr/tests/" + TEST + "/export.xlsx");
        assertEquals(200, export.statusCode());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(export.body()))) {
            org.apache.poi.ss.usermodel.Sheet schools = workbook.getSheet("Школы");
            org.apache.poi.ss.usermodel.Row vs1 = null;
            for (org.apache.poi.ss.usermodel.Row row : schools) {
                if ("VS1".equals(row.getCell(0).getStringCellValue())) {
                    vs1 = row;
                }
            }
            assertTrue("VS1 in the schools sheet", vs1 != null);
            assertEquals(40, (int) vs1.getCell(3).getNumericCellValue());
            assertEquals(percent(vs1Quality, 40).doubleValue(), vs1.getCell(8).getNumericCellValue(), 0.001);
            assertEquals(MAX.length + 2, workbook.getSheet("Задания").getRow(0).getLastCellNum());
            StringBuilder territories = new StringBuilder();
            workbook.getSheet("Территории и регион").forEach(row -> territories.append(row.getCell(0).getStringCellValue()).append(' '));
            assertTrue(territories.toString(), territories.toString().contains("VT ") && territories.toString().endsWith("region "));
            StringBuilder signs = new StringBuilder();
            workbook.getSheet("Признаки необъективности").forEach(row -> signs.append(row.getCell(0).getStringCellValue())
                    .append(':').append(row.getCell(1).getStringCellValue()).append(' '));
            assertTrue(signs.toString(), signs.toString().contains("VS3:TOP_MARKS"));
        }

        // A file with an unknown school and a score above its maximum changes nothing.
        List<String> bad = List.of(row("VS1", "D1", 5, 3), row("ZZ9", "D2", 5, 3), row("VS2", "D3", 5, 3).replaceFirst(";5А;1;1;", ";5А;1;3;"));
        JsonNode refused = importFile("bad.csv", bad, false);
        assertEquals("FAILED", refused.get("state").asText());
        assertEquals(refused.toString(), 2, refused.get("problemCount").asInt());
        assertTrue(refused.toString(), refused.toString().contains("Неизвестный код ОО «ZZ9»"));
        assertTrue(refused.toString(), refused.toString().contains("больше максимума 1"));
        assertEquals(40, JSON.readTree(get("/api/vpr/tests/" + TEST + "/form7?school=VS1").body()).get("school").get("participants").asInt());

        // A file broken off in the middle of its last row fails whole, the row named; nothing is written.
        List<String> cut = List.of(row("VS1", "00041", 5, 3), row("VS2", "00041", 5, 3), "VS2;00042;5В");
        JsonNode broken = importFile("cut.csv", cut, false);
        assertEquals(broken.toString(), "FAILED", broken.get("state").asText());
        assertEquals(broken.toString(), 1, broken.get("problemCount").asInt());
        assertEquals(broken.toString(), 4, broken.get("problems").get(0).get("row").asInt());
        assertTrue(broken.toString(), broken.toString().contains("строка оборвана"));
        assertEquals(100, territoryParticipants());

        // The same participants again without replace are duplicates; with replace, VS1's works are replaced.
        List<String> again = List.of(row("VS1", "00002", 12, 4), row("VS1", "00003", 3, 3));
        assertEquals("FAILED", importFile("again.csv", again, false).get("state").asText());
        JsonNode replaced = importFile("again.csv", again, true);
        assertEquals(replaced.toString(), "DONE", replaced.get("state").asText());
        assertEquals(40, replaced.get("replaced").asInt());
        assertEquals(62, territoryParticipants());
        JsonNode replacedCells = JSON.readTree(get("/api/submissions/" + miac7).body()).get("computed");
        assertEquals("form 7 follows the replaced works", 2, replacedCells.get("vpr_results.participants[5-math]").asInt());
        assertEquals(1, replacedCells.get("vpr_results.mark4[5-math]").asInt());
        assertEquals(1, replacedCells.get("vpr_results.lowered[5-math]").asInt());

        // Re-marking: VS3's sample spread over two experts, each seeing only their own works, blind.
        WebSession first = expert("vpr.expert1");
        WebSession second = expert("vpr.expert2");
        HttpResponse<String> assigned = sendJson("POST", "/api/vpr/tests/" + TEST + "/remarking",
                Map.of("schools", List.of("VS3"), "sample", 5, "experts", List.of("vpr.expert1", "vpr.expert2")));
        assertEquals(assigned.body(), 200, assigned.statusCode());
        assertEquals(5, JSON.readTree(assigned.body()).get("works").asInt());
        JsonNode mine = JSON.readTree(get(first, "/api/vpr/remarking/mine").body());
        JsonNode theirs = JSON.readTree(get(second, "/api/vpr/remarking/mine").body());
        assertEquals(5, mine.size() + theirs.size());
        assertTrue(mine.size() >= 2 && theirs.size() >= 2);
        assertFalse("blind: no school, no earlier scores", mine.get(0).has("school") || mine.toString().contains("VS3"));
        List<Integer> half = new ArrayList<>();
        for (int max : MAX) {
            half.add(max == 2 ? 1 : max == 1 ? 0 : 0);
        }
        for (JsonNode work : mine) { // the school gave 20 points; the expert finds 6 (marks 5 → 3)
            HttpResponse<String> saved = sendJson(first, "PUT", "/api/vpr/remarking/" + work.get("id").asLong(), Map.of("scores", half));
            assertEquals(saved.body(), 200, saved.statusCode());
        }
        assertEquals(404, sendJson(second, "PUT", "/api/vpr/remarking/" + mine.get(0).get("id").asLong(), Map.of("scores", half)).statusCode());
        List<Integer> tooMuch = new ArrayList<>(half);
        tooMuch.set(0, 2);
        assertEquals(400, sendJson(second, "PUT", "/api/vpr/remarking/" + theirs.get(0).get("id").asLong(), Map.of("scores", tooMuch)).statusCode());
        JsonNode report = JSON.readTree(get("/api/vpr/tests/" + TEST + "/remarking").body()).get("report");
        JsonNode vs3Report = report.get("schools").get(0);
        assertEquals("VS3", vs3Report.get("key").asText());
        assertEquals(5, vs3Report.get("assigned").asInt());
        assertEquals(mine.size(), vs3Report.get("done").asInt());
        assertEquals(-14.0, vs3Report.get("meanDifference").doubleValue(), 0.001);
        assertEquals(mine.size(), vs3Report.get("marksChanged").asInt());

        // Removed and installed again at runtime: the module's tables and data stay.
        assertEquals(204, send("DELETE", "/api/modules/org.oko.vpr", "application/json", new byte[0]).statusCode());
        assertEquals(404, get("/api/vpr/specs").statusCode());
        assertFalse("without the module form 7 is typed in",
                JSON.readTree(get("/api/submissions/" + miac7).body()).get("computed").hasNonNull("vpr_results.participants[5-math]"));
        HttpResponse<String> installed = sendJson("POST", "/api/modules", Map.of("feature", "oko-vpr"));
        assertEquals(installed.body(), 201, installed.statusCode());
        waitFor("/api/vpr/specs", 200);
        assertEquals(62, territoryParticipants());
        long deadline = System.nanoTime() + 30_000_000_000L; // the calculator comes back with the module's components
        while (!JSON.readTree(get("/api/submissions/" + miac7).body()).get("computed").hasNonNull("vpr_results.participants[5-math]")
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(2, JSON.readTree(get("/api/submissions/" + miac7).body()).get("computed").get("vpr_results.participants[5-math]").asInt());
        JsonNode history = JSON.readTree(get("/api/vpr/imports").body()).get("history");
        assertTrue(history.toString(), history.size() >= 2 && history.get(0).get("fileName").asText().equals("again.csv"));
    }

    /**
     * A region's own file with headers the module does not know: refused with the missing columns named and
     * every column's reading shown; imported once the person maps them; the next file with those headers
     * goes in without asking, the mapping remembered.
     */
    @Test
    public void aFileWithTheRegionsOwnHeadersIsMappedOnceAndRememberedForTheNextFile() throws Exception {
        prepare();
        organisations("VU", "Район своих заголовков",
                "VUA;Муниципальный орган управления образованием;Управление своих заголовков;VU;;;",
                "VU1;;Школа своих заголовков;VU;Муниципальная;VUA;Городская");
        JsonNode offered = JSON.readTree(get("/api/vpr/columns?test=" + TEST).body());
        List<String> ids = new ArrayList<>();
        offered.forEach(c -> ids.add(c.get("id").asText() + "=" + c.get("header").asText() + (c.get("required").asBoolean() ? "*" : "")));
        assertTrue(ids.toString(), ids.containsAll(List.of("participant=Код участника*", "school=Код ОО*", "task:1=Задание 1*",
                "task:14=Задание 14*", "journal=Отметка по журналу")));
        assertEquals(ids.toString(), 7 + MAX.length, ids.size());

        String header = HEADER.replace("Код ОО;Код участника;", "Школа (код);Шифр работы;") + ";Примечание";
        List<String> first = List.of(row("VU1", code(1), 7, 3) + ";заметка", row("VU1", code(2), 12, 4) + ";заметка");
        JsonNode refused = importOwn("own-1.csv", header, first, null);
        assertEquals(refused.toString(), "FAILED", refused.get("state").asText());
        assertTrue(refused.toString(), refused.toString().contains("В файле нет обязательных столбцов: «Код участника», «Код ОО»"));
        assertEquals(refused.toString(), "NONE", column(refused, "Шифр работы").get("source").asText());
        assertEquals(refused.toString(), "STANDARD", column(refused, "1").get("source").asText());

        String mapping = "{\"Школа (код)\":\"school\",\"Шифр работы\":\"participant\",\"Примечание\":\"\"}";
        JsonNode mapped = importOwn("own-1.csv", header, first, mapping);
        assertEquals(mapped.toString(), "DONE", mapped.get("state").asText());
        assertEquals(2, mapped.get("works").asInt());
        assertEquals("participant", column(mapped, "Шифр работы").get("column").asText());
        assertEquals("CHOSEN", column(mapped, "Шифр работы").get("source").asText());

        JsonNode next = importOwn("own-2.csv", header, List.of(row("VU1", code(3), 15, 5) + ";заметка"), null);
        assertEquals(next.toString(), "DONE", next.get("state").asText());
        assertEquals("REMEMBERED", column(next, "Школа (код)").get("source").asText());
        assertEquals("REMEMBERED", column(next, "Примечание").get("source").asText());
        assertTrue(column(next, "Примечание").get("column").isNull());
        assertEquals(3, JSON.readTree(get("/api/vpr/tests/" + TEST + "/form7?school=VU1").body()).get("school").get("participants").asInt());

        assertEquals(400, send("POST", "/api/vpr/imports?test=" + TEST + "&name=x.csv&columns=%7Bbad", "text/csv",
                "a;b\n1;2".getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    /**
     * Specs are versioned data kept by the platform: the shipped years are there (found by the spec extender
     * in the module's OKO-INF/specs/vpr.test/), a new test is published, the same version again changes
     * nothing, the same version with other content and an older version are refused, a bad spec is refused
     * with its problems.
     */
    @Test
    public void specsArePublishedAsVersionsThatNeverChange() throws Exception {
        List<String> shipped = new ArrayList<>();
        JSON.readTree(get("/api/vpr/specs").body()).forEach(s -> shipped.add(s.get("year").asInt() + "-" + s.get("subject").asText()
                + "-" + s.get("grade").asInt()));
        assertTrue(shipped.toString(), shipped.containsAll(List.of("2025-math-5", "2025-rus-5", "2026-math-5", "2026-rus-5")));

        Map<String, Object> spec = new java.util.LinkedHashMap<>(Map.of("year", 2027, "subject", "bio", "subjectName", "Биология",
                "grade", 6, "version", 1, "tasks", List.of(Map.of("label", "1", "max", 2, "level", "BASIC"),
                        Map.of("label", "2", "max", 3, "level", "HIGH")), "scale", Map.of("three", 2, "four", 3, "five", 5)));
        HttpResponse<String> published = sendJson("POST", "/api/vpr/specs", spec);
        assertEquals(published.body(), 201, published.statusCode());
        assertEquals(published.body(), 201, sendJson("POST", "/api/vpr/specs", spec).statusCode());
        spec.put("subjectName", "Биология (другая)");
        HttpResponse<String> changed = sendJson("POST", "/api/vpr/specs", spec);
        assertEquals(changed.body(), 409, changed.statusCode());
        spec.put("version", 2);
        assertEquals(201, sendJson("POST", "/api/vpr/specs", spec).statusCode());
        spec.put("version", 1);
        spec.put("subjectName", "Биология (старая)");
        assertEquals(409, sendJson("POST", "/api/vpr/specs", spec).statusCode());
        spec.put("version", 3);
        spec.put("scale", Map.of("three", 4, "four", 3, "five", 99));
        HttpResponse<String> bad = sendJson("POST", "/api/vpr/specs", spec);
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("scale"));
        JsonNode bio = null;
        for (JsonNode s : JSON.readTree(get("/api/vpr/specs").body())) {
            if (s.get("subject").asText().equals("bio")) {
                bio = s;
            }
        }
        assertEquals("the newest version is the one in use", 2, bio.get("version").asInt());
        assertEquals("Биология (другая)", bio.get("subjectName").asText());
        JsonNode columns = JSON.readTree(get("/api/vpr/columns?test=2027-bio-6").body());
        assertEquals(7 + 2, columns.size());
    }

    private static JsonNode column(JsonNode job, String header) {
        for (JsonNode column : job.get("columns")) {
            if (column.get("header").asText().equals(header)) {
                return column;
            }
        }
        throw new AssertionError("no column " + header + " in " + job);
    }

    private static JsonNode importOwn(String name, String header, List<String> rows, String columns) throws Exception {
        byte[] csv = (header + "\n" + String.join("\n", rows)).getBytes(StandardCharsets.UTF_8);
        String query = columns == null ? "" : "&columns=" + java.net.URLEncoder.encode(columns, StandardCharsets.UTF_8);
        return finished(send("POST", "/api/vpr/imports?test=" + TEST + "&name=" + name + query, "text/csv", csv));
    }

    private static int territoryParticipants() throws Exception {
        return JSON.readTree(get("/api/vpr/tests/" + TEST + "/form7?territory=VT").body()).get("territory").get("participants").asInt();
    }

    private static BigDecimal percent(int part, int whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static JsonNode importFile(String name, List<String> rows, boolean replace) throws Exception {
        byte[] csv = (HEADER + "\n" + String.join("\n", rows)).getBytes(StandardCharsets.UTF_8);
        return finished(send("POST", "/api/vpr/imports?test=" + TEST + "&name=" + name + (replace ? "&replace=true" : ""),
                "text/csv", csv));
    }

    /** The import job the answer started, once it is DONE or FAILED. */
    private static JsonNode finished(HttpResponse<String> started) throws Exception {
        return jobEnded(started, "/api/vpr/imports");
    }

    /** An active expert account with a password of its own. */
    private static WebSession expert(String login) throws Exception {
        HttpResponse<String> created = sendJson("POST", "/api/users",
                Map.of("login", login, "fullName", "Эксперт " + login, "organisationCode", "VFA", "roles", List.of("EXPERT")));
        assertEquals(created.body(), 201, created.statusCode());
        String oneTime = JSON.readTree(created.body()).get("oneTimePassword").asText();
        WebSession session = login(login, oneTime);
        String password = "Vpr-expert-2026";
        assertEquals(200, sendJson(session, "POST", "/api/auth/password", Map.of("oldPassword", oneTime, "newPassword", password)).statusCode());
        return login(login, password);
    }

    private static boolean prepared;

    /** Territory VT with three municipal schools of founder VFA. */
    /**
     * The public school catalogue, with nobody logged in: VS1 is found by name; its card shows no ВПР until the region
     * publishes the procedure (ConfigAdmin), and a test written by fewer than the least group stays unpublished.
     */
    private void publicCatalogueShowsVprOnlyOncePublished(int[] vs1Marks) throws Exception {
        HttpResponse<String> address = get(WebSession.NONE, "/schools?q=VS1");
        assertEquals(303, address.statusCode());
        assertTrue(address.headers().toString(), address.headers().firstValue("Location").orElse("")
                .endsWith(":" + HTTP_PORT + "/ext/org.oko.publication/public/schools.html?q=VS1"));
        HttpResponse<String> found = awaitBody(WebSession.NONE, "/api/public/schools?q=" + java.net.URLEncoder.encode("впр 1", "UTF-8"), "\"code\":\"VS1\"");
        assertTrue(found.body(), found.body().contains("\"code\":\"VS1\"") && !found.body().contains("VS2"));
        assertTrue(found.headers().firstValue("Cache-Control").orElse(""), found.headers().firstValue("Cache-Control").orElse("").contains("max-age=300"));
        assertFalse("no session for the public", found.headers().firstValue("Set-Cookie").isPresent());
        JsonNode card = JSON.readTree(get(WebSession.NONE, "/api/public/schools/VS1").body());
        assertEquals("Школа ВПР 1", card.get("fullName").asText());
        assertEquals("Управление ВПР", card.get("founder").asText());
        assertEquals("not published: " + card, 0, card.get("results").size());
        assertEquals(404, get(WebSession.NONE, "/api/public/schools/VS1/results/vpr").statusCode());
        assertEquals(404, get(WebSession.NONE, "/api/public/schools/NOPE").statusCode());

        try (AutoCloseable published = publishInCatalogue("noko, vpr", 5)) { // НОКО is not installed here: ignored
            JsonNode results = JSON.readTree(awaitStatus(WebSession.NONE, "/api/public/schools/VS1/results/vpr", 200).body());
            JsonNode table = results.get("tables").get(0);
            assertTrue(table.toString(), table.get("title").get("ru").asText().contains("5 класс"));
            JsonNode school = table.get("rows").get(0).get("values");
            for (int mark = 2; mark <= 5; mark++) {
                assertEquals("mark " + mark, percent(vs1Marks[mark], 40), school.get(mark - 2).decimalValue());
            }
            assertEquals("Участников в школе: 40", table.get("note").get("ru").asText());
            assertEquals(1, JSON.readTree(get(WebSession.NONE, "/api/public/schools/VS1").body()).get("results").size());
            try (AutoCloseable stricter = publishInCatalogue("noko, vpr", 41)) { // VS1's 40 participants are now too few
                awaitStatus(WebSession.NONE, "/api/public/schools/VS1/results/vpr", 404);
            }
        }
    }

    private static synchronized void prepare() throws Exception {
        if (prepared) {
            return;
        }
        organisations("VT", "Район ВПР",
                "VFA;Муниципальный орган управления образованием;Управление ВПР;VT;;;",
                "VS1;;Школа ВПР 1;VT;Муниципальная;VFA;Сельская",
                "VS2;;Школа ВПР 2;VT;Муниципальная;VFA;Городская",
                "VS3;;Школа ВПР 3;VT;Муниципальная;VFA;Городская");
        prepared = true;
    }
}
