package org.oko.itests.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
 * A full or read-only data disk, for real: the database folder of a started OKO is a small tmpfs
 * of its own, filled with a file or remounted read-only. Saving is refused with the reason,
 * viewing goes on, nothing half-written remains, and work resumes once the disk is fixed.
 * Mounting needs root, as the README's test command runs here and in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataDiskFaultIT {

    private static final int HTTP_PORT = 18591;
    private static final long MB = 1024 * 1024;

    private final OkoLauncher oko = new OkoLauncher("data-disk");
    private Path database;
    private OkoHttp http;

    @BeforeAll
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs for the data disk needs root");
        // A database server's disk is the server's: it refuses writes itself (PostgreSQL's 53100 is a storage failure).
        assumeFalse(org.oko.module.testing.TestDatabase.onServer(), "the data disk of embedded Derby only");
        oko.installFresh(18511, 11609, 44955, "--no-demo");
        database = Files.createDirectories(oko.home().resolve("data/derby"));
        shell("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", database.toString());
        setReserve(8);
        oko.start(HTTP_PORT, "--no-demo");
        login();
        assertEquals(201, http.post("/api/catalog/territories", Map.of("code", "DT", "name", "Район диска",
                "type", "MUNICIPAL_DISTRICT", "version", 0)).statusCode());
    }

    @AfterAll
    void stop() throws Exception {
        if (database != null) {
            oko.run("stop");
            new ProcessBuilder("umount", oko.home().resolve("data").toString()).start().waitFor(); // in case a test left it
            new ProcessBuilder("umount", database.toString()).start().waitFor();
        }
    }

    @Test
    @Order(1)
    void belowTheReserveSavingPausesWithTheReasonAndResumesOnceSpaceIsFreed() throws Exception {
        Path filler = fill(4 * MB);
        JsonNode health = waitForStatus("READ_ONLY");
        assertTrue(health.get("storage").get("writable").asBoolean(), health.toString());
        assertTrue(health.get("storage").get("usableBytes").asLong() < 8 * MB, health.toString());

        HttpResponse<String> refused = http.post("/api/catalog/territories", territory("D2"));
        assertEquals(507, refused.statusCode(), refused.body());
        String message = OkoHttp.JSON.readTree(refused.body()).get("message").asText();
        assertTrue(message.startsWith("Сохранение приостановлено: на диске с данными OKO осталось"), message);
        assertTrue(message.contains("Просмотр работает"), message);
        assertFalse(message.contains(database.toString()), "no server paths for users: " + message);
        // Viewing and logging in go on.
        assertTrue(http.get("/api/catalog/territories").body().contains("\"DT\""));
        login();

        Files.delete(filler);
        waitForStatus("UP");
        assertEquals(201, http.post("/api/catalog/territories", territory("D2")).statusCode());
    }

    @Test
    @Order(2)
    void aWriteThatRunsOutOfSpaceHalfwayLeavesNothingAndTheDatabaseGoesOn() throws Exception {
        setReserve(0); // the guard off: the database itself meets the full disk
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (http.health().get("storage").get("reserveBytes").asLong() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        StringBuilder csv = new StringBuilder("Код ОО;Тип организации;Полное наименование;Код территории;Тип учредителя;Код учредителя;Тип местности\n"
                + "DFA;Муниципальный орган управления образованием;Управление образования района диска;DT;;;\n");
        for (int i = 1; i <= 3000; i++) {
            csv.append("DS").append(i).append(";;Муниципальное бюджетное общеобразовательное учреждение «Школа № ").append(i)
                    .append("» района диска;DT;Муниципальная;DFA;Городская\n");
        }
        Path filler = fill(0);
        HttpResponse<String> failed = http.send("POST", "/api/catalog/import?name=disk.csv", "text/csv", csv.toString());
        assertEquals(507, failed.statusCode(), failed.body());
        String message = OkoHttp.JSON.readTree(failed.body()).get("message").asText();
        assertTrue(message.startsWith("Не удалось сохранить: на диске с данными OKO нет места"), message);
        assertFalse(message.contains("инцидент"), message);
        Files.delete(filler);

        JsonNode health = http.health();
        assertTrue(health.get("database").get("reachable").asBoolean(), health.toString());
        assertEquals(0, organisations(), "all or nothing: no school of the failed import is there");
        HttpResponse<String> again = http.send("POST", "/api/catalog/import?name=disk.csv", "text/csv", csv.toString());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(3001, organisations());
        setReserve(8);
    }

    @Test
    @Order(3)
    void aReadOnlyDataFolderServesReadingAndRefusesSavingUntilFixed() throws Exception {
        assertEquals(0, oko.run("stop").exitCode());
        shell("mount", "-o", "remount,ro", database.toString());
        OkoLauncher.Result start = oko.start(HTTP_PORT, "--no-demo");
        assertTrue(start.output().contains("OKO started READ-ONLY"), start.output());
        assertTrue(start.output().contains("доступна только для чтения"), start.output());
        JsonNode health = http.health();
        assertEquals("READ_ONLY", health.get("status").asText(), health.toString());
        assertFalse(health.get("storage").get("writable").asBoolean(), health.toString());

        login(); // the security journal cannot be written: the login goes to the server log instead
        assertEquals(3001, organisations());
        HttpResponse<String> refused = http.post("/api/catalog/territories", territory("D3"));
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("папка данных OKO доступна только для чтения"), refused.body());

        assertEquals(0, oko.run("stop").exitCode());
        shell("mount", "-o", "remount,rw", database.toString());
        oko.start(HTTP_PORT, "--no-demo");
        assertEquals("UP", http.health().get("status").asText());
        login();
        assertEquals(3001, organisations(), "nothing lost");
        assertEquals(201, http.post("/api/catalog/territories", territory("D3")).statusCode());
    }

    @Test
    @Order(4)
    void theLauncherRefusesToStartOnAReadOnlyDataFolder() throws Exception {
        assertEquals(0, oko.run("stop").exitCode());
        Path data = oko.home().resolve("data");
        shell("mount", "--bind", data.toString(), data.toString());
        try {
            shell("mount", "-o", "remount,bind,ro", data.toString());
            OkoLauncher.Result start = oko.run("start", "--port", String.valueOf(HTTP_PORT), "--no-demo");
            assertNotEquals(0, start.exitCode(), start.output());
            assertTrue(start.output().contains("папка данных " + data + " доступна только для чтения"), start.output());
        } finally {
            shell("umount", data.toString());
        }
    }

    private void login() throws Exception {
        http = OkoHttp.admin(HTTP_PORT, oko.home());
    }

    private static Map<String, Object> territory(String code) {
        return Map.of("code", code, "name", "Район " + code, "type", "MUNICIPAL_DISTRICT", "version", 0);
    }

    private long organisations() throws Exception {
        return OkoHttp.JSON.readTree(http.get("/api/catalog/organisations?size=1").body()).get("total").asLong();
    }

    /** Fills the database's disk with one file until {@code leave} bytes remain free. */
    private Path fill(long leave) throws IOException {
        Path filler = database.resolve("filler");
        long size = Files.getFileStore(database).getUsableSpace() - leave;
        try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[64 * 1024];
            for (long written = 0; written < size; written += block.length) {
                try {
                    file.write(block, 0, (int) Math.min(block.length, size - written));
                } catch (IOException full) {
                    break; // tmpfs counts in pages: the last block may not fit
                }
            }
        }
        return filler;
    }

    private JsonNode waitForStatus(String status) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonNode health;
        do {
            Thread.sleep(200);
            health = http.health();
        } while (!health.get("status").asText().equals(status) && System.nanoTime() < deadline);
        assertEquals(status, health.get("status").asText(), health.toString());
        return health;
    }

    private void setReserve(int megabytes) throws IOException {
        Path cfg = oko.home().resolve("etc/org.oko.platform.cfg");
        Files.writeString(cfg, Files.readString(cfg).replaceAll("(?m)^storage\\.reserve\\.mb = .*$", "storage.reserve.mb = " + megabytes));
    }

    private static void shell(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
