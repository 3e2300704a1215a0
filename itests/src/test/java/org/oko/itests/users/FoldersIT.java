package org.oko.itests.users;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.OkoContainerTest;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Electronic folders end to end: one action issues every coordinator's and school's one-time
 * password, the folder downloads as XLSX and as a printable page, schools wait for activation by
 * their founder, and a regenerated folder voids the old passwords.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FoldersIT extends OkoContainerTest {

    private static final String NEW_PASSWORD = "Папка-2026-пароль";

    @Test
    public void foldersAreGeneratedDownloadedActivatedAndRegenerated() throws Exception {
        prepareRegion();
        waitWhileRunning(); // another test's generation may still run

        // One action for the whole region, in the background with progress.
        HttpResponse<String> started = sendJson("POST", "/api/users/folders", Map.of());
        assertEquals(started.body(), 202, started.statusCode());
        JsonNode done = waitForJob();
        assertEquals(done.get("job").get("total").asInt(), done.get("job").get("done").asInt());
        JsonNode summary = find(done.get("folders"), "FXA");
        assertEquals("the branch shares its head's account; the closed school gets none", 2, summary.get("schools").asInt());
        assertEquals("coord.fxa", summary.get("coordinatorLogin").asText());
        assertFalse("the listing never shows passwords", done.toString().contains("assword\":\""));

        Map<String, String> first = credentials(getBytes("/api/users/folders/FXA.xlsx"));
        assertEquals(3, first.size());
        HttpResponse<String> page = get("/api/users/folders/FXA.html");
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.body().contains(first.get("oo.fx1")) && page.body().contains("Школа ФХ1"));
        // The printable page's own policy lets exactly its one inline style apply, and nothing else load or run.
        String style = page.body().substring(page.body().indexOf("<style>") + 7, page.body().indexOf("</style>"));
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(style.getBytes(StandardCharsets.UTF_8)));
        assertEquals("default-src 'none'; style-src 'sha256-" + hash + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
                page.headers().firstValue("Content-Security-Policy").orElse(""));

        // Schools wait for their founder; the coordinator must choose a password first.
        assertEquals(403, loginStatus("oo.fx1", first.get("oo.fx1")));
        WebSession coordinator = login("coord.fxa", first.get("coord.fxa"));
        assertTrue(JSON.readTree(get(coordinator, "/api/auth/session").body()).get("mustChangePassword").asBoolean());
        assertEquals(200, sendJson(coordinator, "POST", "/api/auth/password",
                Map.of("oldPassword", first.get("coord.fxa"), "newPassword", NEW_PASSWORD)).statusCode());
        coordinator = login("coord.fxa", NEW_PASSWORD);
        assertEquals(204, send(coordinator, "POST", "/api/users/oo.fx1/activate", "application/json", new byte[0]).statusCode());
        assertEquals(200, loginStatus("oo.fx1", first.get("oo.fx1")));

        // A lost folder: generated again, its old one-time passwords stop working, the new ones work.
        assertEquals(400, sendJson("POST", "/api/users/folders", Map.of("founders", List.of("NO-SUCH"))).statusCode());
        assertEquals(202, sendJson("POST", "/api/users/folders", Map.of("founders", List.of("FXA"))).statusCode());
        JsonNode again = waitForJob();
        assertEquals(1, again.get("job").get("folders").asInt());
        Map<String, String> second = credentials(getBytes("/api/users/folders/FXA.xlsx"));
        assertNotEquals(first.get("oo.fx2"), second.get("oo.fx2"));
        assertEquals(401, loginStatus("oo.fx2", first.get("oo.fx2")));
        assertEquals(401, loginStatus("coord.fxa", NEW_PASSWORD));
        assertEquals(200, loginStatus("coord.fxa", second.get("coord.fxa")));
        assertEquals(200, loginStatus("oo.fx1", second.get("oo.fx1")));
        assertEquals("still inactive", 403, loginStatus("oo.fx2", second.get("oo.fx2")));
        assertEquals(404, get("/api/users/folders/NO-SUCH.xlsx").statusCode());
    }

    /** Founder FXA with schools FX1 (and its branch FX1-1), FX2 and the closed FX3. */
    private static void prepareRegion() throws Exception {
        sendJson("POST", "/api/catalog/territories", Map.of("code", "FT", "name", "Район Папок", "type", "MUNICIPAL_DISTRICT", "version", 0));
        String csv = String.join("\n",
                "Код ОО;Тип организации;Полное наименование;Краткое наименование;Код территории;Тип учредителя;Код учредителя;"
                        + "Тип местности;Код головной организации;Статус;Дата закрытия",
                "FXA;Муниципальный орган управления образованием;Управление ФХ;Управление ФХ;FT;;;;;;",
                "FX1;;Школа ФХ1;Школа ФХ1;FT;Муниципальная;FXA;Городская;;;",
                "FX1-1;;Филиал ФХ1;Филиал ФХ1;FT;Муниципальная;FXA;Сельская;FX1;;",
                "FX2;;Школа ФХ2;Школа ФХ2;FT;Муниципальная;FXA;Сельская;;;",
                "FX3;;Школа ФХ3;Школа ФХ3;FT;Муниципальная;FXA;Сельская;;CLOSED;31.08.2025");
        HttpResponse<String> imported = send("POST", "/api/catalog/import?name=fx.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertTrue(imported.body(), JSON.readTree(imported.body()).get("applied").asBoolean());
    }

    /** Polls the generation until it is no longer running; the whole demo region takes under a minute on two cores. */
    private static JsonNode waitForJob() throws Exception {
        JsonNode state = waitWhileRunning();
        assertEquals(state.toString(), "DONE", state.get("job").get("state").asText());
        return state;
    }

    private static JsonNode waitWhileRunning() throws Exception {
        long deadline = System.currentTimeMillis() + 240_000;
        JsonNode state = JSON.readTree(get("/api/users/folders").body());
        while (List.of("QUEUED", "RUNNING").contains(state.get("job").get("state").asText()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            state = JSON.readTree(get("/api/users/folders").body());
        }
        return state;
    }

    private static JsonNode find(JsonNode folders, String founder) {
        for (JsonNode folder : folders) {
            if (founder.equals(folder.get("founderCode").asText())) {
                return folder;
            }
        }
        throw new AssertionError("no folder of " + founder + " in " + folders);
    }

    /** Login → one-time password, read from the folder's XLSX: the coordinator's in the header, the schools' in the table. */
    private static Map<String, String> credentials(HttpResponse<byte[]> file) throws Exception {
        assertEquals(200, file.statusCode());
        Map<String, String> result = new HashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            String coordinator = null;
            for (Row row : sheet) {
                String label = text(formatter, row.getCell(0));
                if (label.equals("Логин координатора учредителя")) {
                    coordinator = text(formatter, row.getCell(3));
                } else if (label.equals("Одноразовый пароль координатора")) {
                    result.put(coordinator, text(formatter, row.getCell(3)));
                } else if (text(formatter, row.getCell(4)).startsWith("oo.")) {
                    result.put(text(formatter, row.getCell(4)), text(formatter, row.getCell(5)));
                }
            }
        }
        return result;
    }

    private static String text(DataFormatter formatter, Cell cell) {
        return cell == null ? "" : formatter.formatCellValue(cell);
    }
}
