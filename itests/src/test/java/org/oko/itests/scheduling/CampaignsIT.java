package org.oko.itests.scheduling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.OkoContainerTest;
import org.oko.itests.support.SubmissionValues;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A campaign from creation to overdue flags and reminders, with the clock set through ConfigAdmin:
 * bulk assignment by a founder and the regional centre, schools in every state, the dashboard
 * against the counts this test made, the XLSX report, reminders once per person, the roadmap with
 * an event-relative step, a copy to the next year and a stale edit refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CampaignsIT extends OkoContainerTest {

    private static final String PASSWORD = "Кампания-2026-пароль";
    private static final String CAMPAIGN = "it-camp-2026";

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private final SubmissionValues values = new SubmissionValues();

    @Test
    public void aCampaignRunsFromCreationToOverdueFlagsAndReminders() throws Exception {
        prepare();
        Configuration configuration = configurationAdmin.getConfiguration("org.oko.scheduling", null);
        Dictionary<String, Object> original = configuration.getProperties();
        this.configuration = configuration;
        try {
            today("2026-03-30");
            run();
        } finally {
            configuration.update(original == null ? new Hashtable<>() : original);
        }
    }

    /**
     * Issue #3: closing or merging a school keeps its past data addressable. A school assigned a
     * form in a 2025 campaign is closed, merged into its neighbour; the campaign's dashboard, its
     * XLSX report and the submission still show it.
     */
    @Test
    public void aMergedSchoolStaysInItsPastCampaign() throws Exception {
        assertEquals(201, sendJson("POST", "/api/catalog/territories",
                Map.of("code", "CM", "name", "Район Слияний", "type", "MUNICIPAL_DISTRICT", "version", 0)).statusCode());
        String csv = String.join("\n", "Код ОО;Полное наименование;Код территории;Тип учредителя;Тип местности",
                "CM1;Школа СЛ1 (закроется);CM;Частная;Сельская",
                "CM2;Школа СЛ2 (правопреемник);CM;Частная;Сельская");
        HttpResponse<String> imported = send("POST", "/api/catalog/import?name=cm.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertTrue(imported.body(), JSON.readTree(imported.body()).get("applied").asBoolean());
        String code = "it-merge-2025";
        HttpResponse<String> created = sendJson("POST", "/api/campaigns", Map.of("code", code, "title", "Кампания 2025 года",
                "year", 2025, "steps", List.of(step("f1", "SCHOOL_COORDINATOR", Map.of("on", "2025-04-01"), "miac-1", "itm-2025-1"))));
        assertEquals(created.body(), 201, created.statusCode());
        HttpResponse<String> assigned = sendJson("POST", "/api/campaigns/" + code + "/steps/f1/assignments",
                Map.of("codes", List.of("CM1", "CM2")));
        assertEquals(assigned.body(), 2, JSON.readTree(assigned.body()).get("done").asInt());
        String dashboard = "/api/campaigns/" + code + "/steps/f1/dashboard?territory=CM";
        long submission = row(JSON.readTree(get(dashboard).body()), "CM1").get("submissionId").asLong();

        long version = JSON.readTree(get("/api/catalog/organisations/CM1").body()).get("version").asLong();
        HttpResponse<String> closed = sendJson("POST", "/api/catalog/organisations/CM1/close",
                Map.of("closedOn", "2025-08-31", "successorCode", "CM2", "version", version));
        assertEquals(closed.body(), 200, closed.statusCode());
        JsonNode school = JSON.readTree(get("/api/catalog/organisations/CM1").body());
        assertEquals("CLOSED", school.get("status").asText());
        assertEquals("CM2", school.get("successorCode").asText());

        JsonNode after = JSON.readTree(get(dashboard).body());
        assertEquals(after.toString(), List.of("CM1", "CM2"), codes(after.get("rows")));
        assertEquals(submission, row(after, "CM1").get("submissionId").asLong());
        assertEquals(after.toString(), 2, after.get("total").get("assigned").asInt());
        HttpResponse<String> view = get("/api/submissions/" + submission);
        assertEquals(view.body(), 200, view.statusCode());
        assertTrue(view.body(), view.body().contains("\"organisationCode\":\"CM1\""));
        JsonNode listed = JSON.readTree(get("/api/submissions?period=itm-2025-1&organisation=CM1").body());
        assertEquals(listed.toString(), 1, listed.size());
        HttpResponse<byte[]> xlsx = getBytes("/api/campaigns/" + code + "/steps/f1/dashboard.xlsx");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Row total = workbook.getSheetAt(0).getRow(workbook.getSheetAt(0).getLastRowNum());
            assertEquals("Итого", total.getCell(1).getStringCellValue());
            assertEquals("both schools counted", 2, (int) total.getCell(2).getNumericCellValue());
        }
    }

    private void run() throws Exception {
        WebSession founder = login("ct.founder", PASSWORD);

        // A campaign with a cycle is refused with the steps named; the real one is created.
        Map<String, Object> cyclic = campaign("it-cycle", List.of(
                step("a", "ADMINISTRATOR", Map.of("after", "b", "workingDays", 1), null, null),
                step("b", "ADMINISTRATOR", Map.of("after", "a", "calendarDays", 1), null, null)));
        HttpResponse<String> refused = sendJson("POST", "/api/campaigns", cyclic);
        assertEquals(refused.body(), 400, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("cycle"));
        HttpResponse<String> created = sendJson("POST", "/api/campaigns", campaign(CAMPAIGN, List.of(
                step("prepare", "ADMINISTRATOR", Map.of("on", "30.03.2026"), null, null),
                step("f1", "SCHOOL_COORDINATOR", Map.of("on", "2026-04-01"), "miac-1", "itc-2026-1"),
                step("letters", "FOUNDER_COORDINATOR", Map.of("after", "f1", "workingDays", 5), null, null),
                step("f7", "SCHOOL_COORDINATOR", Map.of("after", "event:vpr-results", "calendarDays", 15), "miac-1", "itc-2026-7"))));
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals(403, sendJson(founder, "POST", "/api/campaigns", campaign("it-founder", List.of(
                step("a", "ADMINISTRATOR", Map.of("on", "2026-01-01"), null, null)))).statusCode());

        // Assignment: the founder takes all of its schools, the regional centre adds the private one.
        JsonNode all = assign(founder, "assignments", Map.of("all", true));
        assertEquals(all.toString(), 5, all.get("done").asInt());
        assertEquals(5, assign(founder, "assignments", Map.of("all", true)).get("unchanged").asInt());
        JsonNode privateByFounder = assign(founder, "assignments", Map.of("codes", List.of("CP1")));
        assertEquals("a private school is not the founder's", 1, privateByFounder.get("refused").asInt());
        JsonNode byCentre = assign(admin(), "assignments", Map.of("codes", List.of("CP1", "CTA", "NOPE")));
        assertEquals(byCentre.toString(), 1, byCentre.get("done").asInt());
        assertEquals(byCentre.toString(), 2, byCentre.get("refused").asInt());
        assertEquals(1, assign(founder, "withdrawals", Map.of("codes", List.of("CU1"))).get("done").asInt());
        assertEquals(1, assign(founder, "assignments", Map.of("territoryCode", "CU")).get("done").asInt());
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode row : dashboard(admin(), "?territory=CT").get("rows")) {
            ids.put(row.get("code").asText(), row.get("submissionId").asLong());
        }
        for (JsonNode row : dashboard(admin(), "?territory=CU").get("rows")) {
            ids.put(row.get("code").asText(), row.get("submissionId").asLong());
        }
        assertEquals(ids.toString(), 6, ids.size());

        // 30 March: the task is due today, the form in two days — reminders before the deadline.
        JsonNode early = JSON.readTree(send("POST", "/api/campaigns/reminders", "application/json", new byte[0]).body());
        assertEquals(early.toString(), "2026-03-30", early.get("today").asText());
        assertTrue(kinds(login("ct.school1", PASSWORD)).contains("FORM_DUE"));
        assertTrue(kinds(admin()).contains("STEP_DUE"));

        // Schools in every state: CT1 confirmed, CT2 sent, CT3 returned, CT4 and CP1 being filled, CU1 not started.
        WebSession school1 = login("ct.school1", PASSWORD);
        fill(school1, ids.get("CT1"));
        transition(school1, ids.get("CT1"), "submit", null, 200);
        transition(founder, ids.get("CT1"), "verify", null, 200);
        HttpResponse<String> letter = send(founder, "POST", "/api/submissions/" + ids.get("CT1") + "/letter", "application/pdf",
                "%PDF-1.4 письмо".getBytes(StandardCharsets.UTF_8));
        assertEquals(letter.body(), 200, letter.statusCode());
        WebSession school2 = login("ct.school2", PASSWORD);
        fill(school2, ids.get("CT2"));
        transition(school2, ids.get("CT2"), "submit", null, 200);
        WebSession school3 = login("ct.school3", PASSWORD);
        fill(school3, ids.get("CT3"));
        transition(school3, ids.get("CT3"), "submit", null, 200);
        transition(founder, ids.get("CT3"), "return", Map.of("comment", "Проверьте число классов"), 200);
        values.save(login("ct.school4", PASSWORD), ids.get("CT4"), "shifts", 1);
        values.save(login("cp.school", PASSWORD), ids.get("CP1"), "shifts", 2);

        // 2 April: the form's deadline has passed.
        today("2026-04-02");
        JsonNode region = dashboard(admin(), "");
        assertCounts(region.get("total"), 6, 1, 2, 1, 1, 0, 1, 4, 0);
        assertEquals(List.of("CT", "CU"), codes(region.get("rows")));
        assertCounts(row(region, "CT").get("counts"), 5, 0, 2, 1, 1, 0, 1, 3, 0);
        assertCounts(row(region, "CU").get("counts"), 1, 1, 0, 0, 0, 0, 0, 1, 0);
        JsonNode byFounder = dashboard(founder, "");
        assertEquals("the private school is outside the founder's view", 5, byFounder.get("total").get("assigned").asInt());
        JsonNode territory = dashboard(founder, "?territory=CT");
        assertEquals(List.of("CT1", "CT2", "CT3", "CT4"), codes(territory.get("rows")));
        assertEquals("RETURNED", row(territory, "CT3").get("state").asText());
        assertEquals("a school sees its own row", 1, dashboard(login("ct.school1", PASSWORD), "").get("total").get("assigned").asInt());

        HttpResponse<byte[]> xlsx = getBytes("/api/campaigns/" + CAMPAIGN + "/steps/f1/dashboard.xlsx");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().startsWith("Общий отчёт по районам"));
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertEquals("Итого", total.getCell(1).getStringCellValue());
            assertEquals(6, (int) total.getCell(2).getNumericCellValue());
            assertEquals(4, (int) total.getCell(9).getNumericCellValue());
        }

        // Reminders on overdue: each school and its founder, once.
        JsonNode overdueRun = JSON.readTree(send("POST", "/api/campaigns/reminders", "application/json", new byte[0]).body());
        assertTrue(overdueRun.toString(), overdueRun.get("notifications").asInt() >= 5);
        assertTrue(kinds(login("ct.school4", PASSWORD)).contains("FORM_OVERDUE"));
        assertTrue(kinds(login("cu.school", PASSWORD)).contains("FORM_OVERDUE"));
        assertTrue(!kinds(login("ct.school2", PASSWORD)).contains("FORM_OVERDUE"));
        JsonNode founderNotes = JSON.readTree(get(founder, "/api/notifications").body());
        JsonNode schoolsLate = null;
        for (JsonNode item : founderNotes.get("items")) {
            if (item.get("kind").asText().equals("FORM_OVERDUE_SCHOOLS")) {
                schoolsLate = item;
            }
        }
        assertTrue(founderNotes.toString(), schoolsLate != null && schoolsLate.get("title").asText().contains("3 ОО"));
        assertTrue(kinds(admin()).contains("STEP_OVERDUE"));
        assertEquals("a second run tells nobody twice", 0,
                JSON.readTree(send("POST", "/api/campaigns/reminders", "application/json", new byte[0]).body()).get("notifications").asInt());
        long unread = founderNotes.get("unread").asLong();
        assertEquals(204, send(founder, "POST", "/api/notifications/" + schoolsLate.get("id").asLong() + "/read", "application/json",
                new byte[0]).statusCode());
        assertEquals(unread - 1, JSON.readTree(get(founder, "/api/notifications").body()).get("unread").asLong());
        assertEquals("another person's notification does not exist for you", 404, send(login("ct.school1", PASSWORD), "POST",
                "/api/notifications/" + schoolsLate.get("id").asLong() + "/read", "application/json", new byte[0]).statusCode());

        // The founder's letter for CT2 is due 5 working days after it was sent; a month later it is overdue.
        today(LocalDate.now().plusDays(30).toString());
        assertEquals(1, dashboard(admin(), "").get("total").get("confirmationOverdue").asInt());
        send("POST", "/api/campaigns/reminders", "application/json", new byte[0]);
        assertTrue(kinds(founder).contains("LETTER_OVERDUE"));

        // The roadmap: states, a task marked done, the event that starts form 7's clock.
        today("2026-04-02");
        JsonNode roadmap = JSON.readTree(get("/api/campaigns/" + CAMPAIGN + "/roadmap").body());
        assertEquals("LATE", step(roadmap, "prepare").get("state").asText());
        assertEquals("LATE", step(roadmap, "f1").get("state").asText());
        assertEquals(2, step(roadmap, "f1").get("submitted").asInt());
        assertEquals("2026-04-08", step(roadmap, "letters").get("deadline").asText());
        assertEquals("WAITING", step(roadmap, "f7").get("state").asText());
        assertEquals(204, send("POST", "/api/campaigns/" + CAMPAIGN + "/steps/prepare/done", "application/json", new byte[0]).statusCode());
        assertEquals(200, sendJson("POST", "/api/campaigns/" + CAMPAIGN + "/events", Map.of("name", "vpr-results", "date", "01.04.2026"))
                .statusCode());
        roadmap = JSON.readTree(get("/api/campaigns/" + CAMPAIGN + "/roadmap").body());
        assertEquals("DONE", step(roadmap, "prepare").get("state").asText());
        assertEquals("2026-04-16", step(roadmap, "f7").get("deadline").asText());
        assertEquals("OPEN", step(roadmap, "f7").get("state").asText());

        // The next year's copy, and an edit from a stale version refused.
        HttpResponse<String> copy = sendJson("POST", "/api/campaigns/" + CAMPAIGN + "/copy", Map.of("code", "it-camp-2027", "year", 2027));
        assertEquals(copy.body(), 201, copy.statusCode());
        JsonNode copied = JSON.readTree(copy.body()).get("definition");
        assertEquals("2027-04-01", copied.get("steps").get(1).get("deadline").get("on").asText());
        assertEquals("itc-2027-1", copied.get("steps").get(1).get("period").asText());
        JsonNode stored = JSON.readTree(get("/api/campaigns/" + CAMPAIGN).body());
        long version = stored.get("version").asLong();
        assertEquals(200, sendJson("PUT", "/api/campaigns/" + CAMPAIGN + "?version=" + version, stored.get("definition")).statusCode());
        assertEquals(409, sendJson("PUT", "/api/campaigns/" + CAMPAIGN + "?version=" + version, stored.get("definition")).statusCode());
        assertEquals("a campaign with assignments stays", 409, send("DELETE", "/api/campaigns/" + CAMPAIGN, "application/json", new byte[0])
                .statusCode());
        assertEquals(204, send("DELETE", "/api/campaigns/it-camp-2027", "application/json", new byte[0]).statusCode());
    }

    private Configuration configuration;

    /** Sets the scheduling clock and waits until the campaign service sees it. */
    private void today(String date) throws Exception {
        Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>() : configuration.getProperties();
        properties.put("today", date);
        configuration.update(properties);
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> roadmap = get("/api/campaigns/" + CAMPAIGN + "/roadmap");
            if (roadmap.statusCode() != 200 || JSON.readTree(roadmap.body()).get("today").asText().equals(date)) {
                if (roadmap.statusCode() == 200) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        if (get("/api/campaigns/" + CAMPAIGN + "/roadmap").statusCode() == 200) {
            throw new AssertionError("the clock did not move to " + date);
        }
        Thread.sleep(1000); // before the campaign exists there is nothing to ask: give ConfigAdmin a moment
    }

    private static void assertCounts(JsonNode counts, int assigned, int notStarted, int inProgress, int submitted, int returned,
                                     int verified, int confirmed, int overdue, int confirmationOverdue) {
        String message = counts.toString();
        assertEquals(message, assigned, counts.get("assigned").asInt());
        assertEquals(message, notStarted, counts.get("notStarted").asInt());
        assertEquals(message, inProgress, counts.get("inProgress").asInt());
        assertEquals(message, submitted, counts.get("submitted").asInt());
        assertEquals(message, returned, counts.get("returned").asInt());
        assertEquals(message, verified, counts.get("verified").asInt());
        assertEquals(message, confirmed, counts.get("confirmed").asInt());
        assertEquals(message, overdue, counts.get("overdue").asInt());
        assertEquals(message, confirmationOverdue, counts.get("confirmationOverdue").asInt());
    }

    private static JsonNode row(JsonNode view, String code) {
        for (JsonNode row : view.get("rows")) {
            if (row.get("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code + " in " + view);
    }

    private static JsonNode step(JsonNode roadmap, String id) {
        for (JsonNode step : roadmap.get("steps")) {
            if (step.get("id").asText().equals(id)) {
                return step;
            }
        }
        throw new AssertionError("no step " + id);
    }

    private static List<String> codes(JsonNode rows) {
        List<String> codes = new java.util.ArrayList<>();
        rows.forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }

    private static String kinds(WebSession session) throws Exception {
        return JSON.readTree(get(session, "/api/notifications").body()).get("items").findValuesAsText("kind").toString();
    }

    private static JsonNode dashboard(WebSession session, String query) throws Exception {
        HttpResponse<String> response = get(session, "/api/campaigns/" + CAMPAIGN + "/steps/f1/dashboard" + query);
        assertEquals(response.body(), 200, response.statusCode());
        return JSON.readTree(response.body());
    }

    private static JsonNode assign(WebSession session, String action, Map<String, Object> selection) throws Exception {
        HttpResponse<String> response = sendJson(session, "POST", "/api/campaigns/" + CAMPAIGN + "/steps/f1/" + action, selection);
        assertEquals(response.body(), 200, response.statusCode());
        return JSON.readTree(response.body());
    }

    private static Map<String, Object> campaign(String code, List<Map<String, Object>> steps) {
        return Map.of("code", code, "title", "Кампания " + code, "year", 2026, "steps", steps);
    }

    private static Map<String, Object> step(String id, String role, Map<String, Object> deadline, String form, String period) {
        Map<String, Object> step = new HashMap<>(Map.of("id", id, "title", "Шаг " + id, "responsible", role, "deadline", deadline));
        if (form != null) {
            step.put("form", form);
            step.put("period", period);
        }
        return step;
    }

    /** Every required value of МИАС 1: a school of 220 pupils in grades 1–10 and 20 teachers. */
    private void fill(WebSession school, long id) throws Exception {
        values.save(school, id, "pupils_total", 220);
        values.fillMiac1(school, id);
        values.save(school, id, "teachers_highest", 5);
    }

    private static boolean prepared;

    private static synchronized void prepare() throws Exception {
        if (prepared) {
            return;
        }
        sendJson("POST", "/api/catalog/territories", Map.of("code", "CT", "name", "Район Кампаний", "type", "MUNICIPAL_DISTRICT", "version", 0));
        organisations("CU", "Улус Кампаний",
                "CTA;Муниципальный орган управления образованием;Управление КТ;CT;;;",
                "CT1;;Школа КТ1;CT;Муниципальная;CTA;Сельская",
                "CT2;;Школа КТ2;CT;Муниципальная;CTA;Сельская",
                "CT3;;Школа КТ3;CT;Муниципальная;CTA;Городская",
                "CT4;;Школа КТ4;CT;Муниципальная;CTA;Городская",
                "CU1;;Школа КУ1;CU;Муниципальная;CTA;Сельская",
                "CP1;;Частная школа КП1;CT;Частная;;Городская");
        account("ct.founder", "CTA", "FOUNDER_COORDINATOR", PASSWORD);
        for (int i = 1; i <= 4; i++) {
            account("ct.school" + i, "CT" + i, "SCHOOL_COORDINATOR", PASSWORD);
        }
        account("cu.school", "CU1", "SCHOOL_COORDINATOR", PASSWORD);
        account("cp.school", "CP1", "SCHOOL_COORDINATOR", PASSWORD);
        prepared = true;
    }
}
