package org.oko.itests.analytics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
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
 * Indicators from real submissions: two schools fill МИАС form 5 for the autumn of 2026, and the shipped catalogue
 * gives each school's, the territory's share of teachers of the highest category; a target set for every school is
 * reached by one of them; the rule-based cluster model places them, with why; the dynamics and the workbook answer.
 * Form 4's social context raises the risk flag of unfavourable conditions, with why.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AnalyticsIT extends OkoContainerTest {

    private static final String PASSWORD = "Аналитика-2026-пароль";

    @Test
    public void formsValuesBecomeIndicatorsTargetsAndClusters() throws Exception {
        organisations("AN", "Район аналитики", "ANA;Муниципальный орган управления образованием;Управление аналитики;AN;;;",
                "AN1;;Школа аналитики 1;AN;Муниципальная;ANA;Городская", "AN2;;Школа аналитики 2;AN;Муниципальная;ANA;Сельская");
        fill("AN1", "2026-2", "miac-5", Map.of("teachers_total", 20, "teachers_highest", 5, "teachers_first", 7));
        fill("AN2", "2026-2", "miac-5", Map.of("teachers_total", 10, "teachers_highest", 5, "teachers_first", 1));

        JsonNode an1 = line(JSON.readTree(get("/api/analytics/indicators?year=2026&school=AN1").body()), "B02");
        assertEquals(an1.toString(), 25.0, an1.get("school").asDouble(), 0.001); // 5 of 20
        assertEquals(33.33, an1.get("territory").asDouble(), 0.001); // 10 of 30: a share of the territory's teachers
        JsonNode b03 = line(JSON.readTree(get("/api/analytics/indicators?year=2026&school=AN1").body()), "B03");
        assertEquals(60.0, b03.get("school").asDouble(), 0.001);

        HttpResponse<String> set = sendJson("PUT", "/api/analytics/targets?year=2026", Map.of("targets", List.of(
                Map.of("indicator", "B02", "kind", "school", "code", "*", "target", 30),
                Map.of("indicator", "B02", "kind", "region", "code", "", "baseline", 20, "target", 35))));
        assertEquals(set.body(), 200, set.statusCode());
        JsonNode withTargets = line(JSON.readTree(get("/api/analytics/indicators?year=2026&school=AN2").body()), "B02");
        assertEquals(50.0, withTargets.get("school").asDouble(), 0.001);
        assertEquals(30.0, withTargets.get("targets").get("school").asDouble(), 0.001);
        assertEquals(35.0, withTargets.get("targets").get("region").asDouble(), 0.001);
        assertEquals(20.0, withTargets.get("baselines").get("region").asDouble(), 0.001);
        assertEquals(2, withTargets.get("schoolsWithTarget").asInt());
        assertEquals("AN2 reaches 30, AN1 does not", 1, withTargets.get("schoolsReaching").asInt());

        // The shipped rule-based model: without form 3 no school meets A's or B's computers threshold: C, with why.
        JsonNode placed = JSON.readTree(sendJson("POST", "/api/analytics/clusters?year=2026&model=conditions", Map.of()).body());
        JsonNode first = null;
        for (JsonNode p : placed) {
            if (p.get("assignment").get("school").asText().equals("AN1")) {
                first = p;
            }
        }
        assertEquals(placed.toString(), "C", first.get("assignment").get("cluster").asText());
        assertEquals(60.0, first.get("assignment").get("values").get("B03").asDouble(), 0.001);
        assertTrue(first.get("previous").isNull());

        JsonNode dynamics = JSON.readTree(get("/api/analytics/indicators/B02/dynamics?from=2025&to=2026&school=AN1").body());
        assertEquals(2, dynamics.size());
        assertTrue(dynamics.get(0).get("school").isNull());
        assertEquals(25.0, dynamics.get(1).get("school").asDouble(), 0.001);
        assertEquals(35.0, dynamics.get(1).get("regionTarget").asDouble(), 0.001);
        HttpResponse<byte[]> xlsx = getBytes("/api/analytics/indicators.xlsx?year=2026&territory=AN");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.body()[0] == 'P' && xlsx.body()[1] == 'K');
        assertNull("a school outside the catalogue's years has no value", line(JSON.readTree(
                get("/api/analytics/indicators?year=2020&school=AN1").body()), "B02").get("school").textValue());
    }

    /**
     * The risk flags from real submissions: in form 4 of the autumn of 2027 the rural school AN2 has 40 % of its pupils
     * from low-income families against 5 % at AN1, well over one and a half times the region's share, so the shipped
     * rules flag AN2's social conditions (two of five conditions: the share and the rural settlement) and not AN1.
     */
    @Test
    public void socialConditionsRaiseAFlagWithWhy() throws Exception {
        organisations("AF", "Район флагов", "AFA;Муниципальный орган управления образованием;Управление флагов;AF;;;",
                "AF1;;Школа флагов 1;AF;Муниципальная;AFA;Городская", "AF2;;Школа флагов 2;AF;Муниципальная;AFA;Сельская");
        fill("AF1", "2027-2", "miac-4", Map.of("pupils_total", 100, "pupils_low_income", 5));
        fill("AF2", "2027-2", "miac-4", Map.of("pupils_total", 100, "pupils_low_income", 40));

        HttpResponse<String> answer = get("/api/analytics/flags?year=2027&territory=AF");
        assertEquals(answer.body(), 200, answer.statusCode());
        JsonNode report = JSON.readTree(answer.body());
        assertEquals(report.toString(), 1, report.get("schools").size());
        JsonNode af2 = report.get("schools").get(0);
        assertEquals("AF2", af2.get("school").asText());
        assertEquals(1, af2.get("flags").size());
        assertEquals("social", af2.get("flags").get(0).get("rule").asText());
        String why = af2.get("flags").get(0).get("explanation").asText();
        assertTrue(why, why.startsWith("выполнено условий: 2 из 5 (нужно 2): Доля обучающихся из малоимущих семей: 40 % >= "));
        assertTrue(why, why.endsWith("тип местности — Сельская"));
        JsonNode territory = report.get("territories").get(0);
        assertEquals("AF", territory.get("code").asText());
        assertEquals(2, territory.get("schools").asInt());
        assertEquals(1, territory.get("counts").get("social").asInt());
        assertEquals(0, territory.get("counts").get("risk-zone").asInt());
        HttpResponse<byte[]> xlsx = getBytes("/api/analytics/flags.xlsx?year=2027&territory=AF");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.body()[0] == 'P' && xlsx.body()[1] == 'K');
    }

    /** A school's form of a period, with a few values saved by its coordinator. */
    private static void fill(String school, String period, String form, Map<String, Integer> values) throws Exception {
        HttpResponse<String> assigned = sendJson("POST", "/api/submissions", Map.of("period", period, "formId", form, "organisationCode", school));
        assertEquals(assigned.body(), 201, assigned.statusCode());
        long id = JSON.readTree(assigned.body()).get("id").asLong();
        account("an." + school.toLowerCase(), school, "SCHOOL_COORDINATOR", PASSWORD);
        WebSession coordinator = login("an." + school.toLowerCase(), PASSWORD);
        for (Map.Entry<String, Integer> value : values.entrySet()) {
            HttpResponse<String> saved = sendJson(coordinator, "PUT", "/api/submissions/" + id + "/values/" + value.getKey(),
                    Map.of("value", value.getValue(), "expectedRevision", 0));
            assertEquals(saved.body(), 200, saved.statusCode());
        }
    }

    private static JsonNode line(JsonNode lines, String code) {
        for (JsonNode line : lines) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError(code + " not in " + lines);
    }
}
