package org.oko.itests.olympiad;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ВсОШ module in the running platform: installed at runtime, the organisers' scores set, last year's
 * municipal stage and this year's school and municipal stages imported, statuses computed where the files
 * give none and a file's own status checked against the rules, participations and unique participants
 * counted, the admission list with last year's winner, МИАС form 13 of a school filled, a bad file refused
 * whole, and the module removed and installed again with its data kept.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OlympiadIT extends OkoContainerTest {

    private static final String HEADER = "Код ОО;Код участника;Класс;Предмет;Балл;Статус";

    @Test
    public void installedAtRuntimeItRanksCountsAdmitsAndKeepsItsResultsAcrossItsRemoval() throws Exception {
        ensureModule("oko-olympiad", "/api/olympiad/years"); // offered, not installed at first start (another test may have)
        organisations("OL", "Район олимпиады", "OLA;Муниципальный орган управления образованием;Управление олимпиады;OL;;;",
                "OL1;;Школа олимпиады 1;OL;Муниципальная;OLA;Городская", "OL2;;Школа олимпиады 2;OL;Муниципальная;OLA;Сельская");
        // Last year (2024/25) published as a region would, from the shipped year.
        JsonNode shipped = null;
        for (JsonNode year : JSON.readTree(get("/api/olympiad/years").body())) {
            if (year.get("academicYear").asInt() == 2025) {
                shipped = year;
            }
        }
        assertTrue("the module ships the 2025/26 year", shipped != null);
        ObjectNode lastYear = shipped.deepCopy();
        lastYear.put("key", "2024").put("academicYear", 2024).put("title", "ВсОШ 2024/25");
        for (JsonNode stage : lastYear.get("stages")) {
            ((ObjectNode) stage).put("from", stage.get("from").asText().replace("2026", "2025").replace("2025-09", "2024-09")
                    .replace("2025-1", "2024-1")).put("to", stage.get("to").asText().replace("2026", "2025").replace("2025-1", "2024-1"));
        }
        HttpResponse<String> published = send("POST", "/api/olympiad/years", "application/json", JSON.writeValueAsBytes(lastYear));
        assertEquals(published.body(), 201, published.statusCode());

        // The organisers' scores: the school stage's maximum for the region, its passing score by the municipality; the
        // municipal stage's by the region. Physics has no passing score: nobody is admitted from it, and it is named.
        scores(2025, "school", "{\"scores\":[{\"subject\":\"Математика\",\"grade\":9,\"max\":100},{\"subject\":\"math\",\"grade\":9,\"territory\":\"OL\","
                + "\"passing\":50},{\"subject\":\"physics\",\"grade\":9,\"max\":50}]}");
        scores(2025, "municipal", "{\"scores\":[{\"subject\":\"math\",\"grade\":9,\"max\":80,\"passing\":40}]}");
        HttpResponse<String> notHers = send("PUT", "/api/olympiad/scores?year=2025&stage=municipal", "application/json",
                "{\"scores\":[{\"subject\":\"math\",\"grade\":9,\"territory\":\"OL\",\"passing\":1}]}".getBytes(StandardCharsets.UTF_8));
        assertEquals("the municipal stage's passing score is the region's", 400, notHers.statusCode());

        // Last year's municipal winner H, in grade 8 then: admitted to this year's municipal stage a grade up.
        JsonNode last = importFile(2024, "municipal", "ol-2024-m.csv", List.of("OL2;H;8;Математика;70;победитель"));
        assertEquals(last.toString(), "DONE", last.get("state").asText());

        // The school stage, ranked within each school: 5 in math at OL1 → two diplomas; 50 is not above half of 100.
        JsonNode school = importFile(2025, "school", "ol-2025-s.csv", List.of(
                "OL1;A;9;Математика;90;", "OL1;B;9;Математика;55;", "OL1;C;9;Математика;50;", "OL1;D;9;Математика;30;",
                "OL1;E;9;Математика;20;", "OL1;A;9;Физика;40;", "OL1;F;9;Физика;20;",
                "OL2;G;9;Математика;70;призёр")); // alone in OL2 the rules make G the winner: listed, the protocol kept
        assertEquals(school.toString(), "DONE", school.get("state").asText());
        assertEquals(8, school.get("participations").asInt());
        // The municipal stage, ranked within the territory: three participants, one diploma (max 80: above 40).
        JsonNode municipal = importFile(2025, "municipal", "ol-2025-m.csv", List.of(
                "OL1;A;9;math;60;", "OL1;B;9;math;35;", "OL2;G;9;math;45;"));
        assertEquals(municipal.toString(), "DONE", municipal.get("state").asText());

        JsonNode counts = JSON.readTree(get("/api/olympiad/counts?year=2025&school=OL1").body());
        JsonNode ol1 = counts.get("school");
        assertEquals(ol1.toString(), 9, ol1.get("all").get("participations").asInt());
        assertEquals("A, B, C, D, E, F: six people", 6, ol1.get("all").get("participants").asInt());
        JsonNode schoolStage = ol1.get("stages").get("school");
        assertEquals(7, schoolStage.get("participations").asInt());
        assertEquals(6, schoolStage.get("participants").asInt());
        assertEquals("A in math and physics", 2, schoolStage.get("winners").asInt());
        assertEquals(1, schoolStage.get("prizeWinners").asInt());
        assertEquals("A's two diplomas are one person", 2, schoolStage.get("awardedPeople").asInt());
        assertEquals(1, ol1.get("stages").get("municipal").get("winners").asInt());
        assertEquals(5, schoolStage.get("bySubject").get("math").get("participations").asInt());
        JsonNode territory = counts.get("territory");
        assertEquals(7, territory.get("all").get("participants").asInt());
        assertEquals("B, and G as the protocol says", 2, territory.get("stages").get("school").get("prizeWinners").asInt());

        // The public school catalogue, once the region publishes the olympiad: OL1's counts per stage, no one named.
        try (AutoCloseable inCatalogue = publishInCatalogue("olympiad", 5)) {
            JsonNode table = JSON.readTree(awaitStatus(WebSession.NONE, "/api/public/schools/OL1/results/olympiad", 200).body())
                    .get("tables").get(0);
            assertTrue(table.toString(), table.get("title").get("ru").asText().contains("2025/2026"));
            JsonNode stage = table.get("rows").get(0).get("values");
            assertEquals(table.toString(), "[6,2,1,", stage.toString().substring(0, 7)); // participants, winners, prize-winners
        }

        JsonNode disagreements = JSON.readTree(get("/api/olympiad/disagreements?year=2025").body());
        assertEquals(disagreements.toString(), 1, disagreements.size());
        assertEquals("G", disagreements.get(0).get("participant").asText());
        assertEquals("PRIZE_WINNER", disagreements.get(0).get("fileStatus").asText());
        assertEquals("WINNER", disagreements.get(0).get("computed").asText());

        // Admission to the municipal stage: 50 and more in OL (A, B, C; G), and last year's municipal winner H a grade up.
        JsonNode admission = JSON.readTree(get("/api/olympiad/admission?year=2025&stage=school").body());
        List<String> admitted = new ArrayList<>();
        admission.get("admitted").forEach(a -> admitted.add(a.get("participant").asText()));
        assertEquals(admission.toString(), List.of("A", "B", "C", "G", "H"), admitted);
        JsonNode h = admission.get("admitted").get(4);
        assertEquals(9, h.get("grade").asInt());
        assertEquals("[\"last-year\"]", h.get("bases").toString());
        assertEquals("physics", admission.get("noPassingScore").get(0).get("subject").asText());
        HttpResponse<byte[]> xlsx = getBytes("/api/olympiad/admission.xlsx?year=2025&stage=school");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.body().length > 1000 && xlsx.body()[0] == 'P' && xlsx.body()[1] == 'K');
        assertEquals(200, getBytes("/api/olympiad/counts.xlsx?year=2025").statusCode());

        // A bad file is refused whole: an unknown school, a score above the maximum, a grade the stage is not held for.
        JsonNode refused = importFile(2025, "municipal", "ol-bad.csv", List.of("OL9;Z;9;math;10;", "OL1;Y;9;math;81;", "OL1;X;5;math;10;"));
        assertEquals(refused.toString(), "FAILED", refused.get("state").asText());
        assertEquals(refused.toString(), 3, refused.get("problemCount").asInt());
        assertEquals("Код ОО", refused.get("problems").get(0).get("column").asText());
        assertEquals("Балл", refused.get("problems").get(1).get("column").asText());
        assertEquals(3, refused.get("problems").get(1).get("row").asInt());
        assertTrue(refused.toString(), refused.get("problems").get(2).get("messages").get("en").asText().contains("not held"));
        assertEquals("nothing of the bad file", 9,
                JSON.readTree(get("/api/olympiad/counts?year=2025&school=OL1").body()).get("school").get("all").get("participations").asInt());

        // МИАС form 13 of the school for the period 2026 (the 2025/26 olympiad), filled from the counts.
        HttpResponse<String> assigned = sendJson("POST", "/api/submissions", Map.of("period", "2026", "formId", "miac-13",
                "organisationCode", "OL1"));
        assertEquals(assigned.body(), 201, assigned.statusCode());
        long form13 = JSON.readTree(assigned.body()).get("id").asLong();
        JsonNode computed = JSON.readTree(get("/api/submissions/" + form13).body()).get("computed");
        assertEquals(computed.toString(), 6, computed.get("vsosh_participants_total").asInt());
        assertEquals(7, computed.get("vsosh_by_stage.participations[school]").asInt());
        assertEquals(6, computed.get("vsosh_by_stage.participants[school]").asInt());
        assertEquals(2, computed.get("vsosh_by_stage.awarded_people[school]").asInt());
        assertEquals(1, computed.get("vsosh_by_stage.winners[municipal]").asInt());
        assertEquals(5, computed.get("vsosh_by_subject.school_participations[math]").asInt());
        assertEquals(2, computed.get("vsosh_by_subject.school_awarded[math]").asInt());

        // Removed and installed again at runtime: the module's tables and results stay.
        assertEquals(204, send("DELETE", "/api/modules/org.oko.olympiad", "application/json", new byte[0]).statusCode());
        assertEquals(404, get("/api/olympiad/years").statusCode());
        HttpResponse<String> again = sendJson("POST", "/api/modules", Map.of("feature", "oko-olympiad"));
        assertEquals(again.body(), 201, again.statusCode());
        waitFor("/api/olympiad/years", 200);
        JsonNode kept = JSON.readTree(get("/api/olympiad/counts?year=2025&territory=OL").body()).get("territory");
        assertEquals(kept.toString(), 7, kept.get("all").get("participants").asInt());
        assertEquals(5, JSON.readTree(get("/api/olympiad/admission?year=2025&stage=school").body()).get("admitted").size());

        // ВсОШ's chapter of the 2026 compendium is the 2025/26 olympiad: a table per stage held, each region row as the counts give it.
        JsonNode stages = JSON.readTree(get("/api/olympiad/counts?year=2025").body()).get("region").get("stages");
        int expected = 0;
        int held = 0;
        for (JsonNode stage : stages) {
            if (stage.get("participations").asInt() > 0) {
                expected += stage.get("participants").asInt();
                held++;
            }
        }
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook compendium = compendiumOf("olympiad", 2026)) {
            assertEquals("contents and a table per stage held", held + 1, compendium.getNumberOfSheets());
            int participants = 0;
            for (int sheet = 1; sheet < compendium.getNumberOfSheets(); sheet++) {
                participants += (int) regionRow(compendium.getSheetAt(sheet)).getCell(1).getNumericCellValue();
            }
            assertEquals(expected, participants);
        }
    }

    private static void scores(int year, String stage, String rows) throws Exception {
        HttpResponse<String> set = send("PUT", "/api/olympiad/scores?year=" + year + "&stage=" + stage, "application/json",
                rows.getBytes(StandardCharsets.UTF_8));
        assertEquals(set.body(), 200, set.statusCode());
    }

    private static JsonNode importFile(int year, String stage, String name, List<String> rows) throws Exception {
        byte[] csv = (HEADER + "\n" + String.join("\n", rows)).getBytes(StandardCharsets.UTF_8);
        return jobEnded(send("POST", "/api/olympiad/imports?year=" + year + "&stage=" + stage + "&name=" + name, "text/csv", csv),
                "/api/olympiad/imports");
    }
}
