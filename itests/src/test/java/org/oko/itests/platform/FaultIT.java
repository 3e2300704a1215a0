package org.oko.itests.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oko.itests.support.OkoHttp;
import org.oko.itests.support.OkoLauncher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Faults of the real process: the server killed with SIGKILL in the middle of writing a large ВПР
 * import comes back with a database that opens cleanly and the import there entirely or not at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultIT {

    private static final int HTTP_PORT = 18581;
    private static final int ROWS = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkoLauncher oko = new OkoLauncher("fault");
    private OkoHttp http;

    @BeforeAll
    void start() throws Exception {
        oko.installFresh(18501, 11599, 44945, "--no-demo");
        oko.start(HTTP_PORT, "--no-demo");
        login();
    }

    @AfterAll
    void stop() throws Exception {
        oko.run("stop");
    }

    @Test
    void aKillDuringTheWriteOfAnImportLeavesItWholeOrAbsent() throws Exception {
        StringBuilder catalog = new StringBuilder("Код ОО;Тип организации;Полное наименование;Код территории;Тип учредителя;Код учредителя;Тип местности\n"
                + "FFA;Муниципальный орган управления образованием;Управление;FT;;;\n");
        for (int i = 1; i <= 100; i++) {
            catalog.append("FS").append(i).append(";;Школа ").append(i).append(";FT;Муниципальная;FFA;Городская\n");
        }
        assertEquals(201, send("POST", "/api/catalog/territories", "application/json",
                "{\"code\":\"FT\",\"name\":\"Район сбоя\",\"type\":\"MUNICIPAL_DISTRICT\",\"version\":0}").statusCode());
        assertEquals(200, send("POST", "/api/catalog/import?name=ft.csv", "text/csv", catalog.toString()).statusCode());

        int[] max = {1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 2};
        StringBuilder csv = new StringBuilder("Код ОО;Код участника;1;2;3;4;5;6;7;8;9;10;11;12;13;14\n");
        Random random = new Random(9);
        for (int n = 0; n < ROWS; n++) {
            csv.append("FS").append(n % 100 + 1).append(";K").append(n);
            for (int m : max) {
                csv.append(';').append(random.nextInt(m + 1));
            }
            csv.append('\n');
        }
        HttpResponse<String> started = send("POST", "/api/vpr/imports?test=2026-math-5&name=big.csv", "text/csv", csv.toString());
        assertEquals(202, started.statusCode(), started.body());
        long id = JSON.readTree(started.body()).get("id").asLong();

        // Wait until the writing has begun, then kill the JVM without any chance to clean up.
        long deadline = System.nanoTime() + 120_000_000_000L;
        JsonNode job;
        do {
            Thread.sleep(20);
            job = JSON.readTree(get("/api/vpr/imports/" + id).body());
        } while (!(job.get("state").asText().equals("WRITING") && job.get("rowsWritten").asLong() > 0)
                && !job.get("state").asText().equals("DONE") && System.nanoTime() < deadline);
        assertEquals("WRITING", job.get("state").asText(), "the kill must land inside the write: " + job);
        long pid = Long.parseLong(Files.readString(oko.home().resolve("karaf.pid")).trim());
        ProcessHandle karaf = ProcessHandle.of(pid).orElseThrow();
        assertTrue(new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor() == 0);
        karaf.onExit().get();

        OkoLauncher.Result again = oko.run("start", "--port", String.valueOf(HTTP_PORT), "--no-demo");
        assertEquals(0, again.exitCode(), again.output());
        JsonNode health = http.health();
        assertEquals("UP", health.get("status").asText(), health.toString());
        assertTrue(health.get("database").get("reachable").asBoolean());
        login();
        int works = JSON.readTree(get("/api/vpr/tests/2026-math-5/form7?territory=FT").body()).get("territory").get("participants").asInt();
        assertTrue(works == 0 || works == ROWS, "all or nothing, found " + works);
        JsonNode history = JSON.readTree(get("/api/vpr/imports").body()).get("history");
        assertEquals(works == 0 ? 0 : 1, history.size(), "the import's line goes with its works: " + history);

        // And the database takes the same file again, whole.
        HttpResponse<String> retry = send("POST", "/api/vpr/imports?test=2026-math-5&name=big.csv&replace=true", "text/csv", csv.toString());
        long retryId = JSON.readTree(retry.body()).get("id").asLong();
        do {
            Thread.sleep(200);
            job = JSON.readTree(get("/api/vpr/imports/" + retryId).body());
        } while (!job.get("state").asText().equals("DONE") && !job.get("state").asText().equals("FAILED"));
        assertEquals("DONE", job.get("state").asText(), job.toString());
        assertEquals(ROWS, JSON.readTree(get("/api/vpr/tests/2026-math-5/form7?territory=FT").body()).get("territory").get("participants").asInt());
    }

    private void login() throws Exception {
        http = OkoHttp.admin(HTTP_PORT, oko.home());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.get(path);
    }

    private HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        return http.send(method, path, type, body);
    }
}
