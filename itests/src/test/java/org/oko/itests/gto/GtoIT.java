package org.oko.itests.gto;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The ГТО module in the running platform: installed at runtime, the norms published as a region would
 * (the module's test fixture), a results file imported as a job and its badges counted per school,
 * territory and region, a bad file refused whole with its rows and columns named, the counts as XLSX,
 * МИАС form 8 of a school filled from them, and the module removed (form 8 typed in meanwhile) and
 * installed again with its data kept.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class GtoIT extends OkoContainerTest {

    /** The header of a ГТО results file (ClusterIT imports one too). */
    public static final String HEADER = "Код ОО;Код участника;УИН ГТО;Пол;Дата рождения;Дата тестирования;Бег на 30 м;Бег на 1000 м;"
            + "Подтягивание из виса на высокой перекладине;Сгибание и разгибание рук в упоре лёжа на полу;"
            + "Наклон вперёд из положения стоя на гимнастической скамье;Челночный бег 3х10 м;Прыжок в длину с места толчком двумя ногами";

    @Test
    public void installedAtRuntimeItJudgesCountsAndKeepsItsResultsAcrossItsRemoval() throws Exception {
        ensureModule("oko-gto", "/api/gto/norms"); // offered, not installed at first start (another test may have)
        organisations("GT", "Район ГТО", "GTA;Муниципальный орган управления образованием;Управление ГТО;GT;;;",
                "GT1;;Школа ГТО 1;GT;Муниципальная;GTA;Городская", "GT2;;Школа ГТО 2;GT;Муниципальная;GTA;Сельская");
        String norms;
        try (InputStream in = GtoIT.class.getResourceAsStream("norms-fixture.json")) {
            norms = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> published = send("POST", "/api/gto/norms", "application/json", norms.getBytes(StandardCharsets.UTF_8));
        assertEquals(published.body(), 201, published.statusCode());
        assertTrue(get("/api/gto/norms").body().contains("\"key\":\"fixture\""));

        // Worked out by hand from the fixture (stage 3 from 10 years, stage 2 at 8–9).
        JsonNode done = importFile("gt-2025.csv", List.of(
                "GT1;1;23-45-0001234;м;10.04.2015;20.04.2025;5,4;4:50;5;;+8;8,5;160",   // stage 3, six golds: gold
                "GT1;2;;ж;29.02.2016;20.04.2025;6,4;6:30;;;+3;;",                    // stage 2, no strength test: none
                "GT1;3;;м;10.04.2015;09.04.2025;6,0;5:50;;17;7;;140",                // stage 2 the day before 10: five golds, gold
                "GT2;1;;м;10.04.2015;20.04.2025;5,5;4:50;5;;+8;8,5;160"));           // 30 m silver: silver
        assertEquals(done.toString(), "DONE", done.get("state").asText());
        assertEquals(4, done.get("tests").asInt());

        JsonNode counts = JSON.readTree(get("/api/gto/counts?year=2025&school=GT1").body());
        JsonNode school = counts.get("school");
        assertEquals(3, school.get("tested").asInt());
        assertEquals(1, school.get("registered").asInt());
        assertEquals(2, school.get("badges").get("gold").asInt());
        assertEquals(66.7, school.get("badgeShare").asDouble(), 0.001);
        assertEquals(2, school.get("byStage").get("2").get("boys").get("tested").asInt() + school.get("byStage").get("2").get("girls").get("tested").asInt());
        JsonNode territory = counts.get("territory");
        assertEquals(4, territory.get("tested").asInt());
        assertEquals(1, territory.get("badges").get("silver").asInt());
        assertEquals(75.0, territory.get("badgeShare").asDouble(), 0.001);

        // ГТО's chapter of the compendium: the region's row as the counts give it.
        JsonNode region = JSON.readTree(get("/api/gto/counts?year=2025").body()).get("region");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook compendium = compendiumOf("gto", 2025)) {
            org.apache.poi.ss.usermodel.Row total = regionRow(compendium.getSheet("Табл. 1.1"));
            assertEquals(region.get("tested").asInt(), (int) total.getCell(1).getNumericCellValue());
            assertEquals(region.get("badges").get("gold").asInt(), (int) total.getCell(2).getNumericCellValue());
            assertEquals(region.get("badges").get("bronze").asInt(), (int) total.getCell(4).getNumericCellValue());
        }

        // The public school catalogue: nothing of ГТО until the region publishes it, then the counts, no one named.
        assertEquals(404, get(WebSession.NONE, "/api/public/schools/GT1/results/gto").statusCode());
        try (AutoCloseable inCatalogue = publishInCatalogue("gto", 3)) {
            JsonNode table = JSON.readTree(awaitStatus(WebSession.NONE, "/api/public/schools/GT1/results/gto", 200).body()).get("tables").get(0);
            assertEquals("Испытания ГТО 2025 года", table.get("title").get("ru").asText());
            assertEquals("[3,2,0,0,66.7]", table.get("rows").get(0).get("values").toString());
            assertEquals("Регион", table.get("rows").get(1).get("label").get("ru").asText());
            try (AutoCloseable stricter = publishInCatalogue("gto", 4)) { // GT1's 3 tested are too few to publish
                awaitStatus(WebSession.NONE, "/api/public/schools/GT1/results/gto", 404);
            }
        }

        JsonNode participants = JSON.readTree(get("/api/gto/schools/GT1/participants?year=2025").body());
        assertEquals(3, participants.size());
        JsonNode girl = null;
        for (JsonNode line : participants) {
            if (line.get("code").asText().equals("2")) {
                girl = line;
            }
        }
        assertTrue(girl.toString(), girl.get("assessment").get("badge").isNull());
        assertTrue(girl.toString(), girl.get("assessment").get("explanation").toString().contains("сила"));

        JsonNode refused = importFile("gt-bad.csv", List.of(
                "GT9;9;;м;10.04.2015;21.04.2025;5,4;4:50;5;;+8;8,5;160",
                "GT1;9;;м;10.04.2015;21.04.2025;5,4;4.5;5;;+8;8,5;160"));
        assertEquals(refused.toString(), "FAILED", refused.get("state").asText());
        assertEquals(refused.toString(), 2, refused.get("problemCount").asInt());
        assertEquals("Код ОО", refused.get("problems").get(0).get("column").asText());
        assertEquals(2, refused.get("problems").get(0).get("row").asInt());
        assertEquals("Бег на 1000 м", refused.get("problems").get(1).get("column").asText());
        assertTrue(refused.toString(), refused.get("problems").get(1).get("messages").get("en").asText().contains("minutes and seconds"));
        assertTrue(refused.toString(), refused.get("errorMessages").get("en").asText().contains("nothing was written"));
        assertEquals("nothing of the bad file", 3, JSON.readTree(get("/api/gto/counts?year=2025&school=GT1").body()).get("school").get("tested").asInt());

        HttpResponse<byte[]> xlsx = getBytes("/api/gto/counts.xlsx?year=2025");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.body().length > 1000 && xlsx.body()[0] == 'P' && xlsx.body()[1] == 'K');

        // МИАС form 8 of the school, for the period 2025: filled from the counts while the module is there.
        HttpResponse<String> assigned = sendJson("POST", "/api/submissions", Map.of("period", "2025", "formId", "miac-8",
                "organisationCode", "GT1"));
        assertEquals(assigned.body(), 201, assigned.statusCode());
        long form8 = JSON.readTree(assigned.body()).get("id").asLong();
        JsonNode computed = JSON.readTree(get("/api/submissions/" + form8).body()).get("computed");
        assertEquals(computed.toString(), 3, computed.get("gto_tested").asInt());
        assertEquals(1, computed.get("gto_registered").asInt());
        assertEquals(2, computed.get("gto_gold").asInt());
        assertEquals(2, computed.get("gto_by_stage.tested[s2]").asInt());
        assertEquals(1, computed.get("gto_by_stage.gold[s3]").asInt());
        assertEquals(66.7, computed.get("gto_badge_share").asDouble(), 0.001);

        // Removed and installed again at runtime: the module's tables and results stay; form 8 is typed in meanwhile.
        assertEquals(204, send("DELETE", "/api/modules/org.oko.gto", "application/json", new byte[0]).statusCode());
        assertEquals(404, get("/api/gto/norms").statusCode());
        assertTrue("without the module form 8 is filled by hand",
                JSON.readTree(get("/api/submissions/" + form8).body()).get("computed").get("gto_tested") == null);
        HttpResponse<String> again = sendJson("POST", "/api/modules", Map.of("feature", "oko-gto"));
        assertEquals(again.body(), 201, again.statusCode());
        waitFor("/api/gto/norms", 200);
        assertEquals(4, JSON.readTree(get("/api/gto/counts?year=2025&territory=GT").body()).get("territory").get("tested").asInt());
        long deadline = System.nanoTime() + 30_000_000_000L; // the calculator comes back with the module's components
        while (JSON.readTree(get("/api/submissions/" + form8).body()).get("computed").get("gto_tested") == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(3, JSON.readTree(get("/api/submissions/" + form8).body()).get("computed").get("gto_tested").asInt());
    }

    private static JsonNode importFile(String name, List<String> rows) throws Exception {
        byte[] csv = (HEADER + "\n" + String.join("\n", rows)).getBytes(StandardCharsets.UTF_8);
        return jobEnded(send("POST", "/api/gto/imports?name=" + name, "text/csv", csv), "/api/gto/imports");
    }
}
