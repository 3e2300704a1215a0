package org.oko.itests.noko;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The НОКО module in the running platform: installed at runtime, a campaign for three schools with an operator,
 * the public survey answered without a login (a second answer of the same browser and a reused ballot refused),
 * the operator's checks with evidence, the scores of each school (one worked out by hand in ScoringTest) and
 * their places, and one remedy plan sent, returned, sent again, approved, reported on and published.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class NokoIT extends OkoContainerTest {

    private static final String PASSWORD = "НОКО-2026-пароль";
    private static final int YEAR = 2095;
    private static final String CAMPAIGN = "/api/noko/campaigns/" + YEAR;

    @Test
    public void aCampaignSurveysChecksScoresAndWalksARemedyPlanToPublication() throws Exception {
        ensureModule("oko-noko", "/api/noko/methods"); // offered, not installed at first start (another test may have)
        organisations("NK", "Район НОКО", "NKA;Муниципальный орган управления образованием;Управление НОКО;NK;;;",
                "NK1;;Школа НОКО 1;NK;Муниципальная;NKA;Городская", "NK2;;Школа НОКО 2;NK;Муниципальная;NKA;Городская",
                "NK3;;Школа НОКО 3;NK;Муниципальная;NKA;Сельская");
        account("nk.operator", "NKA", "EXPERT", PASSWORD);
        account("nk.founder", "NKA", "FOUNDER_COORDINATOR", PASSWORD);
        account("nk.school", "NK1", "SCHOOL_COORDINATOR", PASSWORD);
        WebSession operator = login("nk.operator", PASSWORD);
        WebSession founder = login("nk.founder", PASSWORD);
        WebSession school = login("nk.school", PASSWORD);

        LocalDate today = LocalDate.now();
        HttpResponse<String> created = sendJson("POST", "/api/noko/campaigns", Map.of("year", YEAR, "surveyFrom", today.minusDays(1).toString(),
                "surveyTo", today.plusDays(30).toString(), "checksBy", today.plusDays(30).toString(), "plansBy", today.plusDays(60).toString(),
                "organisations", List.of("NK1", "NK2", "NK3"), "operators", List.of("nk.operator")));
        assertEquals(created.body(), 201, created.statusCode());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (JsonNode o : JSON.readTree(get(CAMPAIGN + "/organisations").body())) {
            String link = o.get("link").asText();
            assertTrue(link, link.contains("/ext/org.oko.noko/public/survey.html?t="));
            tokens.put(o.get("code").asText(), link.substring(link.indexOf("?t=") + 3));
        }
        assertEquals(List.of("NK1", "NK2", "NK3"), List.copyOf(tokens.keySet()));
        assertEquals(List.of("NK1"), codes(JSON.readTree(get(school, CAMPAIGN + "/organisations").body())));
        HttpResponse<String> qr = get(CAMPAIGN + "/organisations/NK1/qr.svg");
        assertEquals(200, qr.statusCode());
        assertTrue(qr.body().startsWith("<svg") && qr.body().contains("<path"));

        // The public survey, no login: ballots taken with the questionnaires, answered a few seconds later.
        List<Map<String, Boolean>> nk1 = List.of(
                answers("q1+ q2+ q3+ q4- q5+ q6- q8+ q9+ q10+ q11+ q12+ q13+ q14+"),
                answers("q1- q3+ q4+ q5- q6+ q7+ q8+ q9- q10- q12+ q13- q14+"),
                answers("q1+ q2- q3- q5+ q6- q8- q9+ q10+ q11- q12- q13+ q14-"),
                answers("q1+ q2+ q3+ q4+ q5+ q6+ q7- q8+ q9+ q10- q12+ q13+ q14+"));
        Map<String, Boolean> allYes = answers("q1+ q2+ q3+ q4+ q5+ q6+ q7+ q8+ q9+ q10+ q11+ q12+ q13+ q14+");
        Map<String, Boolean> allNo = answers("q1- q3- q5- q6- q8- q9- q10- q12- q13- q14-");
        List<String[]> ballots = new ArrayList<>();
        List<Map<String, Boolean>> given = new ArrayList<>();
        for (Map<String, Boolean> a : nk1) {
            ballots.add(new String[] {tokens.get("NK1"), ballot(tokens.get("NK1"))});
            given.add(a);
        }
        for (int i = 0; i < 2; i++) {
            ballots.add(new String[] {tokens.get("NK2"), ballot(tokens.get("NK2"))});
            given.add(allYes);
        }
        ballots.add(new String[] {tokens.get("NK3"), ballot(tokens.get("NK3"))});
        given.add(allNo);
        JsonNode questionnaire = JSON.readTree(get(WebSession.NONE, "/api/noko/public/surveys/" + tokens.get("NK1")).body());
        assertEquals("Школа НОКО 1", questionnaire.get("organisation").asText());
        assertEquals(14, questionnaire.get("questions").size());
        assertTrue(questionnaire.get("open").asBoolean());
        Thread.sleep(3_200); // min.seconds: a questionnaire answered at once is a script's
        String cookie = null;
        for (int i = 0; i < ballots.size(); i++) {
            HttpResponse<String> answered = answer(WebSession.NONE, ballots.get(i)[0], ballots.get(i)[1], given.get(i));
            assertEquals(answered.body(), 201, answered.statusCode());
            if (i == 0) {
                cookie = answered.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            }
        }
        HttpResponse<String> again = answer(new WebSession(cookie, null), tokens.get("NK1"), ballot(tokens.get("NK1")), allYes);
        assertEquals("the same browser a second time", 409, again.statusCode());
        HttpResponse<String> reused = answer(WebSession.NONE, ballots.get(0)[0], ballots.get(0)[1], allYes);
        assertEquals("a ballot answers once", 409, reused.statusCode());
        HttpResponse<String> tooFast = answer(WebSession.NONE, tokens.get("NK1"), ballot(tokens.get("NK1")), allYes);
        assertEquals(400, tooFast.statusCode());
        assertEquals("the school reads no answers and, before publication, no results", 0,
                JSON.readTree(get(school, CAMPAIGN + "/results").body()).get("organisations").size());

        // The operator's checks: NK1 as in ScoringTest, NK2 everything, NK3 nothing; evidence a PDF, never anything else.
        List<Map<String, Object>> nk1Checks = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            nk1Checks.add(Map.of("item", "stand-" + i, "present", true));
        }
        for (int i = 1; i <= 7; i++) {
            nk1Checks.add(Map.of("item", "site-" + i, "present", true, "link", "https://nk1.example.ru/sveden/" + i));
        }
        for (String item : List.of("channel-1", "channel-2", "channel-5", "comfort-1", "comfort-2", "comfort-3", "comfort-5", "premises-1",
                "premises-3", "services-1", "services-2", "services-3", "services-4", "services-5", "services-6")) {
            nk1Checks.add(Map.of("item", item, "present", true));
        }
        nk1Checks.add(Map.of("item", "site-8", "present", false));
        assertEquals(200, sendJson(operator, "PUT", CAMPAIGN + "/organisations/NK1/checks", Map.of("checks", nk1Checks)).statusCode());
        assertEquals(403, sendJson(school, "PUT", CAMPAIGN + "/organisations/NK1/checks", Map.of("checks", nk1Checks)).statusCode());
        List<Map<String, Object>> all = new ArrayList<>();
        for (JsonNode line : JSON.readTree(get(operator, CAMPAIGN + "/organisations/NK2/checks").body())) {
            all.add(Map.of("item", line.get("item").asText(), "present", true));
        }
        assertEquals(200, sendJson(operator, "PUT", CAMPAIGN + "/organisations/NK2/checks", Map.of("checks", all)).statusCode());
        assertEquals(204, send(operator, "POST", CAMPAIGN + "/organisations/NK1/checks/stand-1/evidence?name=stand.pdf", "application/pdf",
                pdf(2000)).statusCode());
        assertEquals(415, send(operator, "POST", CAMPAIGN + "/organisations/NK1/checks/stand-2/evidence?name=x.txt", "text/plain",
                "not a pdf".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertTrue(getBytes(founder, CAMPAIGN + "/organisations/NK1/checks/stand-1/evidence").body()[0] == '%');

        // Scores: NK1 as worked out by hand, NK2 everything, NK3 nothing; places by score.
        JsonNode results = JSON.readTree(get(CAMPAIGN + "/results").body());
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        results.get("organisations").forEach(o -> byCode.put(o.get("organisation").asText(), o));
        assertEquals(List.of("NK2", "NK1", "NK3"), List.copyOf(byCode.keySet()));
        JsonNode first = byCode.get("NK1").get("result");
        assertEquals(72.53, first.get("total").asDouble(), 0.0001);
        assertEquals(73.17, first.get("criteria").get("k1").asDouble(), 0.0001);
        assertEquals(66.67, first.get("indicators").get("1.3").asDouble(), 0.0001);
        assertEquals(4, first.get("respondents").asInt());
        assertFalse("4 respondents of the 30 needed: marked, not hidden", first.get("reliable").asBoolean());
        assertEquals(100.0, byCode.get("NK2").get("result").get("total").asDouble(), 0.0001);
        assertEquals(0.0, byCode.get("NK3").get("result").get("total").asDouble(), 0.0001);
        assertEquals(2, byCode.get("NK1").get("regionRank").asInt());
        JsonNode region = results.get("summaries").get(0);
        assertEquals(3, region.get("organisations").asInt());
        assertEquals(7, region.get("respondents").asInt());
        assertEquals(57.51, region.get("score").asDouble(), 0.0001); // (72.53 + 100 + 0) / 3
        HttpResponse<byte[]> xlsx = getBytes(CAMPAIGN + "/results.xlsx");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.body()[0] == 'P' && xlsx.body()[1] == 'K');

        // The survey closes; the school writes its plan, the founder returns it, approves it the second time.
        assertEquals(200, sendJson("POST", CAMPAIGN + "/state", Map.of("state", "CLOSED")).statusCode());
        assertFalse(JSON.readTree(get(WebSession.NONE, "/api/noko/public/surveys/" + tokens.get("NK1")).body()).get("open").asBoolean());
        String plan = CAMPAIGN + "/organisations/NK1/plan";
        List<Map<String, Object>> measures = List.of(
                Map.of("shortcoming", "Нет альтернативной версии сайта", "measure", "Подключить версию для слабовидящих",
                        "deadline", today.minusDays(1).toString(), "responsible", "Заместитель директора"),
                Map.of("shortcoming", "Мало ответов о доступности", "measure", "Провести опрос родителей детей с ОВЗ",
                        "deadline", today.plusDays(20).toString(), "responsible", "Социальный педагог"));
        assertEquals(1, version(sendJson(school, "PUT", plan, Map.of("version", 0, "measures", measures))));
        assertEquals(2, version(sendJson(school, "POST", plan + "/submit", Map.of("version", 1))));
        assertEquals(400, sendJson(founder, "POST", plan + "/decision", Map.of("version", 2, "approve", false)).statusCode());
        assertEquals(3, version(sendJson(founder, "POST", plan + "/decision", Map.of("version", 2, "approve", false,
                "note", "Укажите конкретные сроки"))));
        assertEquals("RETURNED", JSON.readTree(get(school, plan).body()).get("state").asText());
        assertEquals(4, version(sendJson(school, "PUT", plan, Map.of("version", 3, "measures", measures))));
        assertEquals(409, sendJson(school, "PUT", plan, Map.of("version", 3, "measures", measures)).statusCode());
        assertEquals(5, version(sendJson(school, "POST", plan + "/submit", Map.of("version", 4))));
        assertEquals(6, version(sendJson(founder, "POST", plan + "/decision", Map.of("version", 5, "approve", true))));
        assertEquals(7, version(sendJson(school, "PUT", plan + "/measures/2/report", Map.of("version", 6,
                "result", "Опрос проведён, 25 ответов", "doneOn", today.toString()))));
        JsonNode overdue = JSON.readTree(get(founder, CAMPAIGN + "/overdue").body());
        assertEquals(overdue.toString(), 1, overdue.size());
        assertEquals(1, overdue.get(0).get("measure").get("position").asInt());

        // Published: the school reads its results, the public page shows them with the approved plan.
        assertEquals(404, get(WebSession.NONE, "/api/noko/public/organisations/NK1?year=" + YEAR).statusCode());
        assertEquals(200, sendJson("POST", CAMPAIGN + "/state", Map.of("state", "PUBLISHED")).statusCode());
        assertEquals(List.of("NK1"), codes(JSON.readTree(get(school, CAMPAIGN + "/results").body()).get("organisations")));
        // НОКО's chapter of the compendium, now that the campaign is published: the organisations scored and their mean.
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        int scored = 0;
        for (JsonNode organisation : JSON.readTree(get(CAMPAIGN + "/results").body()).get("organisations")) {
            JsonNode total = organisation.path("result").path("total");
            if (total.isNumber()) {
                sum = sum.add(total.decimalValue());
                scored++;
            }
        }
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook compendium = compendiumOf("noko", YEAR)) {
            org.apache.poi.ss.usermodel.Row regionTotal = regionRow(compendium.getSheet("Табл. 1.1"));
            assertEquals(scored, (int) regionTotal.getCell(1).getNumericCellValue());
            assertEquals(sum.divide(java.math.BigDecimal.valueOf(scored), 2, java.math.RoundingMode.HALF_UP).doubleValue(),
                    regionTotal.getCell(2).getNumericCellValue(), 0.0001);
        }
        JsonNode page = JSON.readTree(get(WebSession.NONE, "/api/noko/public/organisations/NK1?year=" + YEAR).body());
        assertEquals(72.53, page.get("result").get("total").asDouble(), 0.0001);
        assertEquals("APPROVED", page.get("plan").get("state").asText());
        assertEquals("Опрос проведён, 25 ответов", page.get("plan").get("measures").get(1).get("result").asText());
        assertTrue("NK3 wrote no plan", JSON.readTree(get(WebSession.NONE, "/api/noko/public/organisations/NK3?year=" + YEAR).body())
                .get("plan").isNull());

        // The public school catalogue shows НОКО only once the region publishes it: the points and the approved plan.
        assertEquals(404, get(WebSession.NONE, "/api/public/schools/NK1/results/noko").statusCode());
        try (AutoCloseable published = publishInCatalogue("noko", 1)) {
            JsonNode tables = JSON.readTree(awaitStatus(WebSession.NONE, "/api/public/schools/NK1/results/noko", 200).body()).get("tables");
            JsonNode points = tables.get(0);
            assertTrue(points.toString(), points.get("title").get("ru").asText().contains(String.valueOf(YEAR)));
            JsonNode total = points.get("rows").get(points.get("rows").size() - 1);
            assertEquals("Итоговый балл", total.get("label").get("ru").asText());
            assertEquals(72.53, total.get("values").get(0).asDouble(), 0.0001);
            JsonNode planTable = tables.get(1);
            assertEquals("Опрос проведён, 25 ответов", planTable.get("rows").get(1).get("values").get(2).get("ru").asText());
            assertEquals("NK3's score without a plan", 1, JSON.readTree(get(WebSession.NONE, "/api/public/schools/NK3/results/noko").body())
                    .get("tables").size());
        }

        // Three years: assessed in 2095, not due again before 2098.
        assertFalse(due(YEAR + 2, "NK1"));
        assertTrue(due(YEAR + 3, "NK1"));
    }

    private static boolean due(int year, String code) throws Exception {
        for (JsonNode c : JSON.readTree(get("/api/noko/coverage?year=" + year).body())) {
            if (c.get("organisation").asText().equals(code)) {
                return c.get("due").asBoolean();
            }
        }
        throw new AssertionError(code + " not in the coverage");
    }

    private static int version(HttpResponse<String> answer) throws Exception {
        assertEquals(answer.body(), 200, answer.statusCode());
        return JSON.readTree(answer.body()).get("version").asInt();
    }

    private static List<String> codes(JsonNode lines) {
        List<String> codes = new ArrayList<>();
        lines.forEach(l -> codes.add(l.has("code") ? l.get("code").asText() : l.get("organisation").asText()));
        return codes;
    }

    private static String ballot(String token) throws Exception {
        HttpResponse<String> questionnaire = get(WebSession.NONE, "/api/noko/public/surveys/" + token);
        assertEquals(questionnaire.body(), 200, questionnaire.statusCode());
        return JSON.readTree(questionnaire.body()).get("ballot").asText();
    }

    private static HttpResponse<String> answer(WebSession browser, String token, String ballot, Map<String, Boolean> answers) throws Exception {
        return sendJson(browser, "POST", "/api/noko/public/surveys/" + token, Map.of("ballot", ballot, "answers", answers, "website", ""));
    }

    /** "q1+ q2- …": yes and no by question. */
    private static Map<String, Boolean> answers(String written) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (String a : written.split(" ")) {
            answers.put(a.substring(0, a.length() - 1), a.endsWith("+"));
        }
        return answers;
    }
}
