package org.oko.itests.compendium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.oko.itests.support.OkoHttp;
import org.oko.itests.support.OkoLauncher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo region's compendium, built by the centre in a real OKO with the demo data: its PDF read back with PDFBox
 * (opens, the shipped spec's chapters in order, Cyrillic text, each checked table's total equal to the platform's own
 * figure: the catalog's schools, ВПР's participants, the analytics' region values and flags), then approved, published,
 * served to nobody logged in, and replaced by a second edition. Who may do what is checked on the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompendiumIT {

    private static final int HTTP_PORT = 18982;
    private static final String DEMO_PASSWORD = "oko-demo-2026";
    private static final String[] CHAPTERS = {"1. Сеть общеобразовательных организаций", "2. Сбор данных мониторинга",
        "3. Показатели качества образования", "4. Динамика показателей", "5. Кластерная модель", "6. Признаки рисков",
        "7. Всероссийские проверочные работы"};

    private final OkoLauncher oko = new OkoLauncher("compendium");
    private final OkoHttp http = new OkoHttp(HTTP_PORT);
    private int year;
    private long first;

    @BeforeAll
    void start() throws Exception {
        oko.installFresh(18902, 11998, 45346);
        oko.start(HTTP_PORT);
        http.loginAdmin(oko.home());
    }

    @AfterAll
    void stop() throws Exception {
        oko.run("stop");
    }

    @Test
    @Order(1)
    void theCentreBuildsTheDemoRegionsCompendium() throws Exception {
        year = oko.demoCampaignYear();
        http.waitForText("/api/vpr/imports", "демо-данные", 180);
        JsonNode specs = OkoHttp.JSON.readTree(http.get("/api/compendium/specs").body());
        assertEquals("region", specs.get("specs").get(0).get("key").asText(), specs.toString());
        for (String source : new String[] {"catalog.network", "forms.collection", "analytics.indicators", "analytics.dynamics", "analytics.clusters", "analytics.flags", "vpr"}) {
            assertTrue(specs.get("sources").toString().contains("\"" + source + "\""), source + " in " + specs);
        }
        OkoHttp school = new OkoHttp(HTTP_PORT).login("demo.school", DEMO_PASSWORD);
        assertEquals(403, school.post("/api/compendium/editions", Map.of("year", year)).statusCode());
        assertEquals(403, school.get("/api/compendium/editions").statusCode());
        assertEquals(400, http.post("/api/compendium/editions", Map.of("year", 1990)).statusCode());

        JsonNode job = build();
        first = job.get("edition").asLong();
        assertTrue(job.get("missing").toString().contains("gto"), "a chapter whose module gives none is named: " + job);
        JsonNode edition = OkoHttp.JSON.readTree(http.get("/api/compendium/editions/" + first).body());
        assertEquals("DRAFT", edition.get("status").asText());
        assertEquals("admin", edition.get("builtBy").asText());

        HttpResponse<byte[]> pdf = http.getBytes("/api/compendium/editions/" + first + "/compendium.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text = text(pdf.body());
        String flat = text.replaceAll("\\s+", " "); // a long title wraps
        assertTrue(flat.contains("Статистический сборник «Качество общего образования»"), flat.substring(0, 400));
        assertTrue(flat.contains("Демонстрационная область"), "the region's name, Cyrillic from the catalog's settings");
        assertTrue(flat.contains("Проект"), "a draft says so");
        int at = flat.indexOf("Таблица 1.1.");
        for (String chapter : CHAPTERS) {
            int found = flat.indexOf(chapter, at);
            assertTrue(found >= at, chapter + " after the one before it");
            at = found;
        }

        // The catalog's open schools, and the network table's total.
        long schools = OkoHttp.JSON.readTree(http.get("/api/catalog/organisations?kind=SCHOOL&status=ACTIVE&size=1").body()).get("total").asLong();
        assertEquals(schools, totalAfter(text, "Таблица 1.1. ").get(0));

        // ВПР: each test's participants in the region, as form 7 gives them.
        List<JsonNode> tests = new ArrayList<>();
        OkoHttp.JSON.readTree(http.get("/api/vpr/specs").body()).forEach(s -> {
            if (s.get("year").asInt() == year) {
                tests.add(s);
            }
        });
        tests.sort(Comparator.<JsonNode>comparingInt(s -> s.get("grade").asInt()).thenComparing(s -> s.get("subjectName").asText()));
        int table = 0;
        for (JsonNode test : tests) {
            String key = year + "-" + test.get("subject").asText() + "-" + test.get("grade").asInt();
            long participants = OkoHttp.JSON.readTree(http.get("/api/vpr/tests/" + key + "/form7").body()).get("region").get("participants").asLong();
            if (participants > 0) {
                table++;
                String caption = "Таблица 7." + table + ". " + test.get("subjectName").asText() + ", " + test.get("grade").asInt() + " класс, " + year;
                assertEquals(participants, totalAfter(text, caption).get(0), caption);
            }
        }
        assertTrue(table > 0, "the demo's ВПР results are in the compendium");

        // The first theme's indicators per municipality (table 3.2): the region's row, as the analytics compute it.
        JsonNode lines = OkoHttp.JSON.readTree(http.get("/api/analytics/indicators?year=" + year).body());
        String theme = lines.get(0).get("theme").asText();
        List<String> regionRow = new ArrayList<>();
        lines.forEach(line -> {
            if (line.get("theme").asText().equals(theme)) {
                regionRow.add(line.get("region").isNull() ? "—" : plain(line.get("region").decimalValue()));
            }
        });
        assertEquals(regionRow, cells(text, "Таблица 3.2. "), "the region's values of «" + theme + "»");

        // The workbook: every table, the indicators' region row equal to the analytics' region values.
        HttpResponse<byte[]> xlsx = http.getBytes("/api/compendium/editions/" + first + "/compendium.xlsx");
        assertEquals(200, xlsx.statusCode());
        Map<String, Double> region = new HashMap<>();
        OkoHttp.JSON.readTree(http.get("/api/analytics/indicators?year=" + year).body()).forEach(line -> {
            if (!line.get("region").isNull()) {
                region.put(line.get("code").asText(), line.get("region").asDouble());
            }
        });
        JsonNode flags = OkoHttp.JSON.readTree(http.get("/api/analytics/flags?year=" + year).body());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet territories = workbook.getSheet("Табл. 3.2");
            Row header = territories.getRow(0);
            Row total = territories.getRow(territories.getLastRowNum() - 1); // the note is the last row
            assertEquals("Регион", total.getCell(0).getStringCellValue());
            int checked = 0;
            for (int c = 1; c < header.getLastCellNum(); c++) {
                Double expected = region.get(header.getCell(c).getStringCellValue());
                if (expected != null) {
                    assertEquals(expected, total.getCell(c).getNumericCellValue(), 0.005, header.getCell(c).getStringCellValue());
                    checked++;
                }
            }
            assertTrue(checked > 0, "an indicator of the first theme has a region value");
            Sheet flagged = workbook.getSheet("Табл. 6.1");
            Row flagHeader = flagged.getRow(0);
            Row flagTotal = flagged.getRow(flagged.getLastRowNum());
            assertEquals("Регион", flagTotal.getCell(0).getStringCellValue());
            for (JsonNode rule : flags.get("rules")) {
                int column = -1;
                for (int c = 1; c < flagHeader.getLastCellNum(); c++) {
                    if (flagHeader.getCell(c).getStringCellValue().equals(rule.get("title").asText())) {
                        column = c;
                    }
                }
                long count = 0;
                for (JsonNode s : flags.get("schools")) {
                    for (JsonNode f : s.get("flags")) {
                        count += f.get("rule").asText().equals(rule.get("key").asText()) ? 1 : 0;
                    }
                }
                assertEquals(count, (long) flagTotal.getCell(column).getNumericCellValue(), rule.get("key").asText());
            }
        }
        HttpResponse<String> page = http.get("/api/compendium/editions/" + first + "/compendium.html");
        String html = page.body();
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'; style-src 'sha256-"),
                "the printable page's own policy: its style block by hash, no script");
        assertTrue(html.contains("<h2 id=\"ch1\">1. Сеть общеобразовательных организаций</h2>"), html.substring(0, Math.min(2000, html.length())));
    }

    @Test
    @Order(2)
    void approvedThenPublishedForEveryone() throws Exception {
        OkoHttp nobody = new OkoHttp(HTTP_PORT);
        String publicPdf = "/api/public/compendium/" + year + "/compendium.pdf";
        assertEquals(404, nobody.get(publicPdf).statusCode(), "a draft is not public");
        OkoHttp regional = new OkoHttp(HTTP_PORT).login("demo.regional", DEMO_PASSWORD);
        assertEquals(409, regional.post("/api/compendium/editions/" + first + "/publish", Map.of()).statusCode(), "a draft is approved first");
        OkoHttp ministry = new OkoHttp(HTTP_PORT).login("demo.ministry", DEMO_PASSWORD);
        assertEquals(403, ministry.post("/api/compendium/editions/" + first + "/approve", Map.of()).statusCode());
        HttpResponse<String> approved = regional.post("/api/compendium/editions/" + first + "/approve", Map.of());
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("demo.regional", OkoHttp.JSON.readTree(approved.body()).get("approvedBy").asText());
        assertEquals(409, http.post("/api/compendium/editions/" + first + "/approve", Map.of()).statusCode(), "approved once");
        assertEquals(404, nobody.get(publicPdf).statusCode(), "approved is not yet public");
        assertTrue(ministry.get("/api/compendium/editions").body().contains("\"APPROVED\""), "the ministry reads it");

        assertEquals(200, regional.post("/api/compendium/editions/" + first + "/publish", Map.of()).statusCode());
        HttpResponse<byte[]> pdf = nobody.getBytes(publicPdf);
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
        assertTrue(pdf.headers().firstValue("Set-Cookie").isEmpty());
        String text = text(pdf.body()).replaceAll("\\s+", " ");
        assertFalse(text.contains("Проект"), "no draft mark once approved");
        // The public reads the approver's name, never the account's login.
        assertTrue(text.contains("Утверждён: Региональный координатор (демо)"), text.substring(0, 600));
        assertFalse(text.contains("demo.regional"), text.substring(0, 600));
        String publicList = nobody.get("/api/public/compendium").body();
        assertTrue(publicList.contains("\"year\":" + year));
        assertTrue(publicList.contains("\"approvedBy\":\"Региональный координатор (демо)\""), publicList);
        assertFalse(publicList.contains("demo.regional"), publicList);
        assertTrue(nobody.get("/api/public/compendium/" + year + "/compendium.html").body().contains("1. Сеть общеобразовательных организаций"));
        String english = text(nobody.getBytes(publicPdf + "?lang=en").body()).replaceAll("\\s+", " ");
        assertTrue(english.contains("1. Network of general education schools"), english.substring(0, 600));
        assertEquals(409, http.send("DELETE", "/api/compendium/editions/" + first, "application/json", "").statusCode(), "a published edition stays");

        // A corrected second edition replaces the first in public.
        long second = build().get("edition").asLong();
        assertEquals(200, regional.post("/api/compendium/editions/" + second + "/approve", Map.of()).statusCode());
        assertEquals(200, regional.post("/api/compendium/editions/" + second + "/publish", Map.of()).statusCode());
        assertEquals("WITHDRAWN", OkoHttp.JSON.readTree(http.get("/api/compendium/editions/" + first).body()).get("status").asText());
        assertTrue(text(nobody.getBytes(publicPdf).body()).replaceAll("\\s+", " ").contains("Выпуск 2"));
    }

    /** Builds the year's compendium as the administrator and waits for the job: DONE asserted. */
    private JsonNode build() throws Exception {
        HttpResponse<String> started = http.post("/api/compendium/editions", Map.of("year", year));
        assertEquals(202, started.statusCode(), started.body());
        String path = "/api/compendium/jobs/" + OkoHttp.JSON.readTree(started.body()).get("id").asLong();
        long deadline = System.currentTimeMillis() + 180_000;
        JsonNode job = OkoHttp.JSON.readTree(http.get(path).body());
        while (!job.get("state").asText().equals("DONE") && !job.get("state").asText().equals("FAILED")) {
            assertTrue(System.currentTimeMillis() < deadline, "the build did not end: " + job);
            Thread.sleep(500);
            job = OkoHttp.JSON.readTree(http.get(path).body());
        }
        assertEquals("DONE", job.get("state").asText(), job.toString());
        return job;
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() > 3);
            return new PDFTextStripper().getText(document);
        }
    }

    /** The cells of the region's total row of the table captioned so: numbers as {@link #plain} decimals ("33.3"), a dash for none. */
    private static List<String> cells(String text, String caption) {
        List<String> cells = new ArrayList<>();
        for (String cell : totalLine(text, caption).split(" ")) {
            if (cell.matches("\\d+(,\\d+)?")) {
                cells.add(plain(new java.math.BigDecimal(cell.replace(',', '.'))));
            } else if (cell.equals("—")) {
                cells.add(cell);
            }
        }
        return cells;
    }

    /** A number as compared: 0.00 and 0.0 alike. */
    private static String plain(java.math.BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** The region's total row of the table captioned so (in the body, not the contents), digit groups joined. */
    private static String totalLine(String text, String caption) {
        int at = text.lastIndexOf(caption);
        assertTrue(at >= 0, caption + " in the PDF");
        int row = text.indexOf("\nРегион ", at);
        assertTrue(row > at, "a total row after " + caption);
        return text.substring(row + 1 + "Регион ".length(), text.indexOf('\n', row + 1)).replace("\u00a0", "").trim();
    }

    /** The numbers of the region's total row of the table captioned so (in the body, not the contents). */
    private static List<Long> totalAfter(String text, String caption) {
        List<Long> numbers = new ArrayList<>();
        for (String cell : totalLine(text, caption).split(" ")) {
            if (cell.matches("\\d+")) {
                numbers.add(Long.parseLong(cell));
            }
        }
        return numbers;
    }
}
