package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oko.module.testing.OkoRuntime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The module inside the real OKO distribution (booted by Pax Exam with the demo region): active, its
 * spec published, a results file imported through REST, the aggregate read back, its screen in the menu.
 */
class ModuleIT {

    private static final String API = "/api/${moduleId}";
    private static OkoRuntime oko;

    @BeforeAll
    static void boot() throws Exception {
        oko = OkoRuntime.start(OkoRuntime.demoData());
    }

    @AfterAll
    static void stop() throws Exception {
        if (oko != null) {
            oko.close();
        }
    }

    @Test
    void importsResultsAndAggregatesThem() throws Exception {
        JsonNode module = module();
        assertEquals("ACTIVE", module.path("state").asText(), module.toString());
        assertEquals(0, module.path("problems").size(), module.toString());
        assertEquals("2026", oko.getJson(API + "/specs").get(0).path("key").asText());

        byte[] csv;
        try (InputStream in = ModuleIT.class.getResourceAsStream("/results.csv")) {
            csv = in.readAllBytes();
        }
        HttpResponse<String> started = oko.send("POST", API + "/imports?spec=2026&name=results.csv", "text/csv", csv);
        assertEquals(202, started.statusCode(), started.body());
        JsonNode job = oko.awaitJob(API + "/imports/" + OkoRuntime.JSON.readTree(started.body()).path("id").asLong());
        assertEquals("DONE", job.path("state").asText(), job.toString());
        assertEquals(4, job.path("results").asInt());

        // The demo region: schools 9901001 and 9901002 in territory 01, 9902001 in 02.
        JsonNode school = oko.getJson(API + "/specs/2026/summary?school=9901001");
        assertEquals(2, school.path("school").path("participants").asInt(), school.toString());
        assertEquals(55.0, school.path("school").path("mean").asDouble());
        assertEquals(3, school.path("territory").path("participants").asInt());
        assertEquals(66.7, school.path("territory").path("passedPercent").asDouble());
        assertEquals(45.0, school.path("region").path("mean").asDouble());
        assertEquals(50.0, school.path("region").path("passedPercent").asDouble());

        JsonNode territories = oko.getJson(API + "/specs/2026/summary").path("territories");
        assertEquals(1, territories.path("02").path("participants").asInt(), territories.toString());

        HttpResponse<byte[]> xlsx = oko.getBytes(API + "/specs/2026/export.xlsx");
        assertEquals(200, xlsx.statusCode());
        assertEquals('P', xlsx.body()[0]); // a zip: PK
    }

    @Test
    void aBadFileWritesNothingAndNamesItsRows() throws Exception {
        HttpResponse<String> started = oko.send("POST", API + "/imports?spec=2026&name=bad.csv", "text/csv",
                "Код ОО;Код участника;Балл\n9901001;00009;50\n0000000;00001;500\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode job = oko.awaitJob(API + "/imports/" + OkoRuntime.JSON.readTree(started.body()).path("id").asLong());

        assertEquals("FAILED", job.path("state").asText(), job.toString());
        assertEquals(2, job.path("problemCount").asInt(), job.toString());
        assertEquals(3, job.path("problems").get(0).path("row").asInt());

        byte[] csv = "Код ОО;Код участника;Балл\n9901001;00009;50\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(400, oko.send("POST", API + "/imports", "text/csv", csv).statusCode(), "no spec named");
        assertEquals(404, oko.send("POST", API + "/imports?spec=1999", "text/csv", csv).statusCode(), "an unknown spec");
    }

    @Test
    void theScreenIsInTheMenu() throws Exception {
        JsonNode screens = oko.getJson("/api/ui/extensions");
        assertTrue(screens.toString().contains("\"path\":\"${moduleId}\""), screens.toString());
        assertEquals(200, oko.get("/ext/${package}/${moduleId}.js").statusCode());
    }

    @Test
    void callersWithoutTheRoleAreRefused() throws Exception {
        oko.login("demo.school", "oko-demo-2026");
        try {
            assertEquals(403, oko.send("POST", API + "/imports?spec=2026", "text/csv", new byte[] {'x'}).statusCode());
            assertEquals(404, oko.get(API + "/specs/2026/summary?school=9902001").statusCode(), "another school is hidden");
            assertEquals(200, oko.get(API + "/specs/2026/summary?school=9901001").statusCode(), "its own school");
        } finally {
            oko.login("admin", java.nio.file.Files.readString(oko.home().resolve("etc/oko-admin.password")).trim());
        }
    }

    private static JsonNode module() throws Exception {
        for (JsonNode m : oko.getJson("/api/health").path("modules")) {
            if (m.path("symbolicName").asText().equals("${package}")) {
                return m;
            }
        }
        throw new AssertionError("the module ${package} is not in /api/health");
    }
}
