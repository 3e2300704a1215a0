package org.oko.itests.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

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
 * The demo data as {@code ./oko start} brings it (docs/demo.md): the feature {@code oko-demo} installed,
 * the region and the accounts there once OKO says it is ready, the МИАС campaign and the ВПР results
 * a little later — forms 1–6 and 9–12 filled by the demo schools, mostly confirmed, enough for the analytics'
 * indicators and risk flags —; then {@code feature:uninstall -r oko-demo} in the console refreshes nothing, leaves every
 * other bundle with its id and state, sessions and the API healthy, and the data loaded (removing the
 * loaders deletes nothing).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataIT {

    private static final int HTTP_PORT = 18981;

    private final OkoLauncher oko = new OkoLauncher("demo-data");
    private final OkoHttp http = new OkoHttp(HTTP_PORT);

    @BeforeAll
    void start() throws Exception {
        oko.installFresh(18901, 11999, 45345);
        oko.start(HTTP_PORT);
        http.loginAdmin(oko.home());
    }

    @AfterAll
    void stop() throws Exception {
        oko.run("stop");
    }

    @Test
    @Order(1)
    void theDemoFeatureLoadsItsData() throws Exception {
        OkoLauncher.Result features = oko.run("client", "feature:list", "-i");
        assertTrue(features.output().contains("oko-demo "), features.output());
        JsonNode health = http.health();
        assertEquals("UP", health.get("status").asText(), health.toString());
        assertTrue(health.get("demoData").asBoolean());
        // Ready means the region and the accounts are there (health waits for them).
        JsonNode schools = OkoHttp.JSON.readTree(http.get("/api/catalog/organisations?kind=SCHOOL&size=1").body());
        assertTrue(schools.get("total").asLong() >= 700, schools.toString());
        login("demo.school");
        // The campaign and ВПР's results follow the region's event, in the background.
        http.waitForText("/api/campaigns", "\"miac-", 180);
        http.waitForText("/api/vpr/imports", "демо-данные", 180);
    }

    /** Forms the demo schools type in besides form 1, with the period the analytics read them for. */
    private static final Map<String, String> FORMS = Map.of("miac-2", "", "miac-3", "", "miac-4", "-2", "miac-5", "-2", "miac-6", "",
            "miac-9", "", "miac-10", "", "miac-11", "", "miac-12", "");

    @Test
    @Order(2)
    void theDemoSchoolsFillTheOtherFormsForTheAnalytics() throws Exception {
        int year = oko.demoCampaignYear();
        JsonNode confirmedOne = null;
        for (Map.Entry<String, String> form : new TreeMap<>(FORMS).entrySet()) {
            JsonNode listed = OkoHttp.JSON.readTree(http.get("/api/submissions?formId=" + form.getKey() + "&period=" + year + form.getValue()).body());
            int confirmed = 0;
            for (JsonNode submission : listed) {
                if ("CONFIRMED".equals(submission.get("state").asText())) {
                    confirmed++;
                    confirmedOne = confirmedOne == null ? submission : confirmedOne;
                }
            }
            assertTrue(listed.size() >= 10, form + ": " + listed.size() + " submissions");
            assertTrue(confirmed * 2 > listed.size(), form + ": " + confirmed + " of " + listed.size() + " confirmed");
        }
        JsonNode view = OkoHttp.JSON.readTree(http.get("/api/submissions/" + confirmedOne.get("id").asLong()).body());
        assertEquals(0, view.get("messages").size(), view.get("messages").toString());
        // The past year's autumn forms 4 and 5 are there too, for the dynamics.
        assertTrue(OkoHttp.JSON.readTree(http.get("/api/submissions?formId=miac-4&period=" + (year - 1) + "-2").body()).size() >= 10);

        HttpResponse<String> indicators = http.get("/api/analytics/indicators?year=" + year);
        assertEquals(200, indicators.statusCode(), indicators.body());
        Map<String, JsonNode> byCode = new TreeMap<>();
        OkoHttp.JSON.readTree(indicators.body()).forEach(line -> byCode.put(line.get("code").asText(), line));
        // An indicator of each form the demo fills: 2 (C07), 3 (C01), 4 (S01), 5 (B03), 9 (E02), 11 (H01), 12 (H02).
        for (String code : new String[] {"C07", "C01", "S01", "B03", "E02", "H01", "H02", "C08", "D01", "B04"}) {
            JsonNode region = byCode.get(code).get("region");
            assertTrue(region != null && !region.isNull(), code + ": " + byCode.get(code));
        }
        HttpResponse<String> flags = http.get("/api/analytics/flags?year=" + year);
        assertEquals(200, flags.statusCode(), flags.body());
        JsonNode flagged = OkoHttp.JSON.readTree(flags.body()).get("schools");
        assertTrue(flagged.size() > 0, flags.body());
        // For the record (form 7 is ВПР's to fill): the results' indicator and the flags raised.
        System.out.println("Demo analytics " + year + ": G01 " + byCode.get("G01").get("region") + ", flagged schools " + flagged.size() + ", "
                + OkoHttp.JSON.readTree(flags.body()).get("rules"));
    }

    @Test
    @Order(3)
    void uninstallingTheDemoLeavesTheRestAsItWas() throws Exception {
        Map<String, String> before = bundles();
        assertTrue(before.containsValue("org.oko.demo Active"), before.toString());
        Path log = oko.home().resolve("data/log/karaf.log");
        long logged = Files.size(log);
        // -r (--no-auto-refresh): as modules are removed; without it Karaf refreshes javax.persistence, whose optional
        // import of org.osgi.service.jpa it would wire now, and with it the whole JPA stack (STACK.md, pitfall 10).
        OkoLauncher.Result removed = oko.run("client", "feature:uninstall", "-r", "oko-demo");
        assertEquals(0, removed.exitCode(), removed.output());
        String since;
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(logged);
            since = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(since.contains("org.oko.demo"), since);
        assertFalse(since.contains("Refreshing bundles"), since);
        Map<String, String> after = bundles();
        before.values().remove("org.oko.demo Active");
        assertEquals(before, after, "every other bundle keeps its id and state");
        JsonNode health = http.health();
        assertEquals("UP", health.get("status").asText(), health.toString());
        OkoLauncher.Result features = oko.run("client", "feature:list", "-i");
        assertFalse(features.output().contains("oko-demo "), features.output());
        // The loaders went, the data they loaded stays (./oko reset starts afresh); the users bundle was not
        // restarted: the administrator's session (kept in its memory) still holds.
        assertEquals(200, http.get("/api/catalog/territories").statusCode());
        login("demo.regional");
    }

    /** Id → "symbolic-name state" of every bundle, from the console's {@code bundle:list}. */
    private Map<String, String> bundles() throws Exception {
        OkoLauncher.Result list = oko.run("client", "bundle:list", "-t", "0", "-s", "--no-format");
        assertEquals(0, list.exitCode(), list.output());
        Map<String, String> bundles = new TreeMap<>();
        for (String line : list.output().split("\n")) {
            String[] cells = line.trim().split("\\s*[│|\t]\\s*");
            if (cells.length >= 5 && cells[0].matches("\\d+")) {
                bundles.put(cells[0], cells[cells.length - 1] + " " + cells[1]);
            }
        }
        assertTrue(bundles.size() > 100, list.output());
        return bundles;
    }

    private static void login(String login) throws Exception {
        HttpResponse<String> response = new OkoHttp(HTTP_PORT).post("/api/auth/login", Map.of("login", login, "password", "oko-demo-2026"));
        assertEquals(200, response.statusCode(), login + ": " + response.body());
    }
}
