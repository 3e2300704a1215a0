package org.oko.itests.forms;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.OkoContainerTest;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A file indicator: the school uploads a scan or a workbook into the form, replaces it with the
 * revision check, downloads it, clears it; wrong types, oversized files and foreign schools are refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class IndicatorFilesIT extends OkoContainerTest {

    private static final String PASSWORD = "Файлы-2026-пароль";
    private static final String FORM = "{\"id\":\"it-files\",\"version\":1,\"title\":{\"ru\":\"Форма с файлом\",\"en\":\"A form with a file\"},"
            + "\"sections\":[{\"id\":\"main\",\"title\":\"Основное\",\"items\":["
            + "{\"code\":\"charter\",\"label\":\"Скан устава\",\"type\":\"file\",\"required\":true},"
            + "{\"code\":\"pupils_total\",\"label\":\"Обучающихся всего\",\"type\":\"integer\",\"min\":0}]}]}";

    @Test
    public void aSchoolUploadsReplacesDownloadsAndClearsItsFile() throws Exception {
        prepare();
        Path definition = Path.of(System.getProperty("karaf.base"), "deploy", "it-files.json");
        Files.writeString(definition, FORM, StandardCharsets.UTF_8);
        try {
            waitForForm("it-files", 1, true);
            HttpResponse<String> assigned = sendJson("POST", "/api/submissions", Map.of("period", "2026-files", "formId", "it-files", "organisationCode", "FL1"));
            assertEquals(assigned.body(), 201, assigned.statusCode());
            long id = JSON.readTree(assigned.body()).get("id").asLong();
            String files = "/api/submissions/" + id + "/files/charter";
            WebSession school = login("fl.school", PASSWORD);
            WebSession stranger = login("fl.other", PASSWORD);

            assertEquals("a file is not typed in as a value", 400, sendJson(school, "PUT", "/api/submissions/" + id + "/values/charter",
                    Map.of("value", "устав.pdf", "expectedRevision", 0)).statusCode());
            assertEquals("only a file indicator takes a file", 400,
                    upload(school, "/api/submissions/" + id + "/files/pupils_total?expectedRevision=0", "application/pdf", pdf(100)).statusCode());
            assertEquals(0, view(school, id).get("submission").get("completion").asInt());

            byte[] scan = pdf(5000);
            HttpResponse<String> first = upload(school, files + "?expectedRevision=0&name=" + enc("Устав школы.pdf"), "application/pdf", scan);
            assertEquals(first.body(), 200, first.statusCode());
            JsonNode stored = JSON.readTree(first.body()).get("values").get("charter");
            assertTrue(stored.toString(), stored.get("value").asText().startsWith("Устав школы.pdf ("));
            assertEquals(1, stored.get("revision").asInt());
            assertEquals("the required file counts for completion", 100, JSON.readTree(first.body()).get("submission").get("completion").asInt());
            assertEquals("IN_PROGRESS", JSON.readTree(first.body()).get("submission").get("state").asText());

            HttpResponse<byte[]> downloaded = getBytes(school, files);
            assertEquals(200, downloaded.statusCode());
            assertArrayEquals(scan, downloaded.body());
            assertEquals("application/pdf", downloaded.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(downloaded.headers().firstValue("Content-Disposition").orElse(""),
                    downloaded.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''%D0%A3%D1%81%D1%82%D0%B0%D0%B2"));

            // Readers other than the school: its founder, and observers of this school or of another one.
            assertArrayEquals("the founder coordinator reads its school's file", scan, getBytes(login("fl.founder", PASSWORD), files).body());
            HttpResponse<byte[]> observed = getBytes(login("fl.watch.own", PASSWORD), files);
            assertEquals("an observer of the school reads it", 200, observed.statusCode());
            assertArrayEquals(scan, observed.body());
            assertEquals("an observer of another school does not", 404, getBytes(login("fl.watch.other", PASSWORD), files).statusCode());

            HttpResponse<String> stale = upload(school, files + "?expectedRevision=0&name=other.pdf", "application/pdf", pdf(200));
            assertEquals("a colleague's upload is never overwritten silently", 409, stale.statusCode());
            assertEquals(stored.get("value").asText(), JSON.readTree(stale.body()).get("details").get("currentValue").asText());
            assertArrayEquals("the first file stays", scan, getBytes(school, files).body());

            byte[] program = "MZ\u0090\u0000 not a document".getBytes(StandardCharsets.ISO_8859_1);
            HttpResponse<String> exe = upload(school, files + "?expectedRevision=1&name=report.pdf", "application/pdf", program);
            assertEquals(400, exe.statusCode());
            assertTrue(exe.body(), exe.body().contains("PDF, JPEG, PNG, XLSX или DOCX"));
            assertEquals("a declared type that lies is refused", 400,
                    upload(school, files + "?expectedRevision=1", "image/png", pdf(300)).statusCode());
            HttpResponse<String> huge = upload(school, files + "?expectedRevision=1", "application/pdf", pdf(10 * 1024 * 1024 + 1));
            assertEquals(413, huge.statusCode());
            assertTrue(huge.body(), huge.body().contains("10 МБ"));
            assertEquals("nothing refused was stored", 1, view(school, id).get("values").get("charter").get("revision").asInt());

            byte[] workbook = workbook();
            HttpResponse<String> replaced = upload(school, files + "?expectedRevision=1&name=charter.xlsx", "application/octet-stream", workbook);
            assertEquals(replaced.body(), 200, replaced.statusCode());
            assertEquals(2, JSON.readTree(replaced.body()).get("values").get("charter").get("revision").asInt());
            HttpResponse<byte[]> again = getBytes(school, files);
            assertArrayEquals(workbook, again.body());
            assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    again.headers().firstValue("Content-Type").orElse("").split(";")[0]);

            assertEquals("another school's file is as if it did not exist", 404, getBytes(stranger, files).statusCode());
            assertEquals(404, upload(stranger, files + "?expectedRevision=2", "application/pdf", pdf(100)).statusCode());
            assertEquals("the administrator reads it", 200, getBytes(files).statusCode());

            HttpResponse<String> cleared = sendJson(school, "PUT", "/api/submissions/" + id + "/values/charter",
                    Map.of("expectedRevision", 2, "value", "")); // an empty value clears, as in every other field
            assertEquals(cleared.body(), 200, cleared.statusCode());
            assertEquals(404, getBytes(school, files).statusCode());
            assertEquals(0, JSON.readTree(cleared.body()).get("submission").get("completion").asInt());

            long changes = 0;
            for (JsonNode entry : JSON.readTree(get(school, "/api/submissions/" + id + "/history").body())) {
                changes += entry.get("kind").asText().equals("VALUE") && "charter".equals(entry.get("key").asText()) ? 1 : 0;
            }
            assertEquals("upload, replacement and clearing are in the history", 3, changes);
        } finally {
            Files.deleteIfExists(definition);
        }
    }

    private static HttpResponse<String> upload(WebSession session, String path, String type, byte[] body) throws Exception {
        return send(session, "PUT", path, type, body);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }


    private static byte[] workbook() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Устав").createRow(0).createCell(0).setCellValue("редакция 2026");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static boolean prepared;

    private static void observe(String login, String organisation) throws Exception {
        HttpResponse<String> observed = sendJson("PUT", "/api/users/" + login + "/observed",
                Map.of("organisations", java.util.List.of(organisation)));
        assertEquals(observed.body(), 200, observed.statusCode());
    }

    /** Founder FLA with schools FL1 and FL2, a coordinator for each, the founder's coordinator and two observers. */
    private static synchronized void prepare() throws Exception {
        if (prepared) {
            return;
        }
        organisations("FLT", "Район Файлов",
                "FLA;Муниципальный орган управления образованием;Управление ФЛ;FLT;;;",
                "FL1;;Школа ФЛ1;FLT;Муниципальная;FLA;Сельская",
                "FL2;;Школа ФЛ2;FLT;Муниципальная;FLA;Городская");
        account("fl.school", "FL1", "SCHOOL_COORDINATOR", PASSWORD);
        account("fl.other", "FL2", "SCHOOL_COORDINATOR", PASSWORD);
        account("fl.founder", "FLA", "FOUNDER_COORDINATOR", PASSWORD);
        account("fl.watch.own", "FLA", "OBSERVER", PASSWORD);
        account("fl.watch.other", "FLA", "OBSERVER", PASSWORD);
        // Assigned before their first login here: an assignment ends the observer's sessions.
        observe("fl.watch.own", "FL1");
        observe("fl.watch.other", "FL2");
        prepared = true;
    }
}
