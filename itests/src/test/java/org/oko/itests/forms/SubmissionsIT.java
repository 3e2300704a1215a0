package org.oko.itests.forms;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.ModuleJars;
import org.oko.itests.support.OkoContainerTest;
import org.oko.itests.support.SubmissionValues;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A school's МИАС 1 from assignment to lock, through the real REST API with real accounts: values
 * saved one by one, a conflict between two people, validation errors and warnings, return with
 * comments, resubmission, verification, the founder's letter, lock and unlock, the history, and
 * the data kept while the form's module is removed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SubmissionsIT extends OkoContainerTest {

    private static final String PASSWORD = "Анкета-2026-пароль";
    private final SubmissionValues values = new SubmissionValues();

    @Test
    public void aSubmissionGoesFromAssignedToLockedAndBack() throws Exception {
        prepare();
        WebSession school = login("sf.school", PASSWORD);
        WebSession colleague = login("sf.school2", PASSWORD);
        WebSession founder = login("sf.founder", PASSWORD);

        HttpResponse<String> assigned = sendJson(founder, "POST", "/api/submissions",
                Map.of("period", "2026-04", "formId", "miac-1", "organisationCode", "SF1"));
        assertEquals(assigned.body(), 201, assigned.statusCode());
        long id = JSON.readTree(assigned.body()).get("id").asLong();
        assertEquals("a private school is not the founder's: as if it did not exist", 404, sendJson(founder, "POST", "/api/submissions",
                Map.of("period", "2026-04", "formId", "miac-1", "organisationCode", "SP1")).statusCode());
        assertEquals(409, sendJson(founder, "POST", "/api/submissions",
                Map.of("period", "2026-04", "formId", "miac-1", "organisationCode", "SF1")).statusCode());

        JsonNode fresh = view(school, id);
        assertEquals("ASSIGNED", fresh.get("submission").get("state").asText());
        assertEquals("[\"EDIT\",\"SUBMIT\"]", fresh.get("actions").toString());

        // Values one by one; the first save starts the work.
        JsonNode afterFirst = values.save(school, id, "pupils_total", 220);
        assertEquals("IN_PROGRESS", afterFirst.get("submission").get("state").asText());
        assertEquals(1, afterFirst.get("values").get("pupils_total").get("revision").asInt());

        // A colleague who started from the empty value does not overwrite it.
        HttpResponse<String> conflict = sendJson(colleague, "PUT", "/api/submissions/" + id + "/values/pupils_total",
                Map.of("value", 230, "expectedRevision", 0));
        assertEquals(conflict.body(), 409, conflict.statusCode());
        JsonNode other = JSON.readTree(conflict.body());
        assertEquals(220, other.get("details").get("currentValue").asInt());
        assertEquals("sf.school", other.get("details").get("changedBy").asText());
        // OKO's one error body: a stable code, the message in both languages, the field it is about.
        assertEquals(other.toString(), "submission.value-conflict", other.get("code").asText());
        assertEquals(other.toString(), "pupils_total", other.get("field").asText());
        assertTrue(other.toString(), other.get("messages").get("ru").asText().contains("изменил другой пользователь"));
        assertTrue(other.toString(), other.get("messages").get("en").asText().contains("someone else changed"));
        assertEquals(other.toString(), other.get("messages").get("ru").asText(), other.get("message").asText());
        JsonNode invalid = JSON.readTree(sendJson(school, "PUT", "/api/submissions/" + id + "/values/pupils_total",
                Map.of("value", "двести", "expectedRevision", 1)).body());
        assertEquals(invalid.toString(), "submission.value-invalid", invalid.get("code").asText());
        assertEquals(invalid.toString(), "pupils_total", invalid.get("field").asText());
        assertFalse(invalid.toString(), invalid.get("messages").get("ru").asText().isBlank());
        assertFalse(invalid.toString(), invalid.get("messages").get("en").asText().isBlank());
        assertEquals(220, view(school, id).get("values").get("pupils_total").get("value").asInt());

        assertEquals(400, sendJson(school, "PUT", "/api/submissions/" + id + "/values/pupils_total",
                Map.of("value", "двести", "expectedRevision", 1)).statusCode());
        assertEquals(400, sendJson(school, "PUT", "/api/submissions/" + id + "/values/class_size_avg",
                Map.of("value", 5, "expectedRevision", 0)).statusCode());

        values.fillMiac1(school, id);
        values.save(school, id, "teachers_highest", 30);   // an error: more than the teachers in total
        values.save(school, id, "shifts", 3);              // a warning: a third shift
        JsonNode blocked = JSON.readTree(send(school, "POST", "/api/submissions/" + id + "/submit", "application/json", new byte[0]).body());
        assertEquals(409, blocked.get("status").asInt());
        assertTrue(blocked.toString(), blocked.get("details").get("messages").toString().contains("categories_within_total"));
        assertTrue(blocked.toString(), blocked.get("details").get("messages").toString().contains("third_shift"));

        values.save(school, id, "teachers_highest", 5);
        assertEquals("the warning still needs its explanation", 409,
                send(school, "POST", "/api/submissions/" + id + "/submit", "application/json", new byte[0]).statusCode());
        assertEquals(200, sendJson(school, "PUT", "/api/submissions/" + id + "/explanations/third_shift",
                Map.of("text", "Капитальный ремонт второго корпуса до декабря")).statusCode());
        JsonNode submitted = transition(school, id, "submit", null, 200);
        assertEquals("SUBMITTED", submitted.get("submission").get("state").asText());
        assertEquals(100, submitted.get("submission").get("completion").asInt());
        assertEquals(409, sendJson(school, "PUT", "/api/submissions/" + id + "/values/vacancies",
                Map.of("value", 1, "expectedRevision", 0)).statusCode());

        // The founder returns it with comments; the school corrects and submits again.
        assertEquals(400, sendJson(founder, "POST", "/api/submissions/" + id + "/return", Map.of()).statusCode());
        JsonNode returned = transition(founder, id, "return", Map.of("comment", "Проверьте число учителей",
                "fieldComments", Map.of("teachers_total", "В ОО-1 указано 21")), 200);
        assertEquals("RETURNED", returned.get("submission").get("state").asText());
        JsonNode seen = view(school, id);
        assertTrue(seen.get("returnComments").toString(), seen.get("returnComments").toString().contains("В ОО-1 указано 21"));
        values.save(school, id, "teachers_total", 21);
        transition(school, id, "submit", null, 200);

        // Verification and the letter: checked by type and content, then confirmed.
        assertEquals(403, send(school, "POST", "/api/submissions/" + id + "/verify", "application/json", new byte[0]).statusCode());
        transition(founder, id, "verify", null, 200);
        assertEquals(400, send(founder, "POST", "/api/submissions/" + id + "/letter?name=letter.pdf", "application/pdf",
                "not a pdf".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(413, send(founder, "POST", "/api/submissions/" + id + "/letter", "application/pdf",
                pdf(10 * 1024 * 1024 + 10)).statusCode());
        byte[] letter = pdf(2048);
        HttpResponse<String> confirmed = send(founder, "POST", "/api/submissions/" + id + "/letter?name=letter-uo.pdf",
                "application/pdf", letter);
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        assertEquals("CONFIRMED", JSON.readTree(confirmed.body()).get("submission").get("state").asText());
        HttpResponse<byte[]> downloaded = getBytes("/api/submissions/" + id + "/letter");
        assertArrayEquals(letter, downloaded.body());

        // Lock and unlock are the administrator's; unlock needs a reason.
        assertEquals(403, send(founder, "POST", "/api/submissions/" + id + "/lock", "application/json", new byte[0]).statusCode());
        assertEquals("LOCKED", transition(admin(), id, "lock", null, 200).get("submission").get("state").asText());
        assertEquals(400, sendJson("POST", "/api/submissions/" + id + "/unlock", Map.of()).statusCode());
        assertEquals("RETURNED", transition(admin(), id, "unlock", Map.of("reason", "Ошибка в данных ОО-1"), 200)
                .get("submission").get("state").asText());

        // The history: every value change old → new and every transition, with who.
        JsonNode history = JSON.readTree(get(founder, "/api/submissions/" + id + "/history").body());
        String all = history.toString();
        assertTrue(all, all.contains("\"key\":\"teachers_highest\",\"oldValue\":\"30\",\"newValue\":\"5\""));
        for (String state : List.of("ASSIGNED", "IN_PROGRESS", "SUBMITTED", "RETURNED", "VERIFIED", "CONFIRMED", "LOCKED")) {
            assertTrue(state, all.contains("\"newValue\":\"" + state + "\""));
        }
        assertTrue(all.contains("\"actor\":\"sf.founder\"") && all.contains("\"actor\":\"sf.school\""));

        // The export of this form version, as the founder sees it: its school, typed and computed values.
        HttpResponse<byte[]> export = getBytes(founder, "/api/submissions/export.xlsx?formId=miac-1&version=1&period=2026-04");
        assertEquals(200, export.statusCode());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(export.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            List<String> keys = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(cell -> keys.add(cell.getStringCellValue()));
            assertEquals("Численность обучающихся, всего", sheet.getRow(1).getCell(keys.indexOf("pupils_total")).getStringCellValue());
            assertEquals(1, sheet.getLastRowNum() - 1);
            assertEquals("SF1", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals(21, (int) sheet.getRow(2).getCell(keys.indexOf("teachers_total")).getNumericCellValue());
            assertEquals(22, (int) sheet.getRow(2).getCell(keys.indexOf("by_grade.pupils[5]")).getNumericCellValue());
            assertEquals(22.0, sheet.getRow(2).getCell(keys.indexOf("class_size_avg")).getNumericCellValue(), 0.001);
        }

        // Some keys, as analytics reads them (only what they need is read and computed): as the whole reading has them.
        org.oko.forms.api.Submissions submissions = context.getService(context.getServiceReference(org.oko.forms.api.Submissions.class));
        java.util.Set<String> some = java.util.Set.of("teachers_total", "by_grade.pupils[5]", "class_size_avg", "share_highest", "no_such_key");
        Map<String, Map<String, Object>> whole = org.oko.platform.api.security.CallerContext.asSystem(() -> submissions.values("2026-04", "miac-1"));
        Map<String, Map<String, Object>> read = org.oko.platform.api.security.CallerContext.asSystem(() -> submissions.values("2026-04", "miac-1", some));
        assertEquals(whole.keySet(), read.keySet());
        Map<String, Object> expected = new java.util.HashMap<>(whole.get("SF1"));
        expected.keySet().retainAll(some);
        assertEquals(4, expected.size());
        assertEquals(expected, read.get("SF1"));
        assertTrue(read.get("SF1").get("class_size_avg") != null && read.get("SF1").get("share_highest") != null);

        // The module goes away: the data stays, readable but not editable; it comes back with the module.
        assertEquals(204, send("DELETE", "/api/modules/org.oko.form.miac1", "application/json", new byte[0]).statusCode());
        try {
            JsonNode kept = view(school, id);
            assertFalse(kept.get("formAvailable").asBoolean());
            assertEquals(21, kept.get("values").get("teachers_total").get("value").asInt());
            assertEquals(409, sendJson(school, "PUT", "/api/submissions/" + id + "/values/vacancies",
                    Map.of("value", 1, "expectedRevision", 0)).statusCode());
        } finally {
            assertEquals(201, sendJson("POST", "/api/modules", Map.of("feature", "oko-form-miac-1")).statusCode());
        }
        waitForForm("miac-1", 1, true);
        assertEquals(21, values.save(school, id, "vacancies", 1.5).get("values").get("teachers_total").get("value").asInt());
    }

    @Test
    public void aSubmissionMovesToANewVersionWithItsValues() throws Exception {
        prepare();
        java.nio.file.Path deploy = java.nio.file.Path.of(System.getProperty("karaf.base"), "deploy");
        java.nio.file.Path v1 = deploy.resolve("it-upgrade-v1.json");
        java.nio.file.Path v2 = deploy.resolve("it-upgrade-v2.json");
        try {
            java.nio.file.Files.writeString(v1, ModuleJars.definition("it-upgrade", 1, "Форма версии 1"));
            waitForForm("it-upgrade", 1, true);
            HttpResponse<String> assigned = sendJson("POST", "/api/submissions",
                    Map.of("period", "2026-04", "formId", "it-upgrade", "organisationCode", "SF1"));
            long id = JSON.readTree(assigned.body()).get("id").asLong();
            WebSession school = login("sf.school", PASSWORD);
            values.save(school, id, "pupils_total", 10);
            values.save(school, id, "girls", 4);
            assertEquals(409, send("POST", "/api/submissions/" + id + "/upgrade", "application/json", new byte[0]).statusCode());

            // Version 2 renames girls to girls_total and drops nothing else.
            java.nio.file.Files.writeString(v2, ModuleJars.definition("it-upgrade", 2, "Форма версии 2")
                    .replace("\"girls\"", "\"girls_total\"").replace("girls <=", "girls_total <=")
                    .replace("\"fields\":[\"girls\"]", "\"fields\":[\"girls_total\"]")
                    .replace("\"rules\"", "\"upgrade\":{\"from\":1,\"rename\":{\"girls\":\"girls_total\"}},\"rules\""));
            waitForForm("it-upgrade", 2, true);
            assertEquals(403, send(school, "POST", "/api/submissions/" + id + "/upgrade", "application/json", new byte[0]).statusCode());
            HttpResponse<String> upgraded = send("POST", "/api/submissions/" + id + "/upgrade", "application/json", new byte[0]);
            assertEquals(upgraded.body(), 200, upgraded.statusCode());
            JsonNode view = JSON.readTree(upgraded.body());
            assertEquals(2, view.get("submission").get("formVersion").asInt());
            assertEquals(4, view.get("values").get("girls_total").get("value").asInt());
            assertEquals(10, view.get("values").get("pupils_total").get("value").asInt());
            assertFalse(view.get("values").has("girls"));
            assertTrue(get("/api/submissions/" + id + "/history").body().contains("\"kind\":\"UPGRADE\""));
        } finally {
            java.nio.file.Files.deleteIfExists(v1);
            java.nio.file.Files.deleteIfExists(v2);
        }
    }

    @Inject
    private org.osgi.framework.BundleContext context;

    /** The SPI: a module's own check, registered as a whiteboard service, joins the definition's messages. */
    @Test
    public void aModulesValidatorJoinsTheMessagesWhileItIsRegistered() throws Exception {
        prepare();
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("karaf.base"), "deploy", "it-validated.json");
        java.nio.file.Files.writeString(file, ModuleJars.definition("it-validated", 1, "Форма с проверкой модуля"));
        org.osgi.framework.ServiceRegistration<org.oko.forms.api.FormValidator> registration = null;
        try {
            waitForForm("it-validated", 1, true);
            long id = JSON.readTree(sendJson("POST", "/api/submissions",
                    Map.of("period", "2026-04", "formId", "it-validated", "organisationCode", "SF1")).body()).get("id").asLong();
            org.oko.forms.api.FormValidator oddTotals = (definition, values) -> {
                Object total = values.get("pupils_total");
                return total instanceof java.math.BigDecimal number && number.intValue() % 2 == 1
                        ? List.of(new org.oko.forms.api.ValidationMessage("pupils_total", org.oko.forms.api.Severity.ERROR,
                                new org.oko.forms.api.Text("Нечётная численность: проверьте", "An odd total: check it"), "odd_total"))
                        : List.of();
            };
            registration = context.registerService(org.oko.forms.api.FormValidator.class, oddTotals,
                    new java.util.Hashtable<>(Map.of(org.oko.forms.api.FormValidator.FORM_ID, "it-validated")));
            WebSession school = login("sf.school", PASSWORD);
            assertTrue(values.save(school, id, "pupils_total", 11).get("messages").toString().contains("odd_total"));
            registration.unregister();
            registration = null;
            assertFalse(view(school, id).get("messages").toString().contains("odd_total"));
        } finally {
            if (registration != null) {
                registration.unregister();
            }
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** Two coordinators of one school save the same indicator at the same moment, many times over. */
    @Test
    public void simultaneousSavesOfOneValueNeverLoseAnUpdate() throws Exception {
        prepare();
        WebSession school = login("sf.school", PASSWORD);
        WebSession colleague = login("sf.school2", PASSWORD);
        long id = assignedToSf1("2026-race");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            int revision = 0;
            for (int round = 1; round <= 20; round++) {
                int expected = revision;
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Callable<HttpResponse<String>> mine = () -> {
                    go.await();
                    return sendJson(school, "PUT", "/api/submissions/" + id + "/values/classes_total", Map.of("value", 100, "expectedRevision", expected));
                };
                java.util.concurrent.Callable<HttpResponse<String>> theirs = () -> {
                    go.await();
                    return sendJson(colleague, "PUT", "/api/submissions/" + id + "/values/classes_total", Map.of("value", 200, "expectedRevision", expected));
                };
                java.util.concurrent.Future<HttpResponse<String>> a = pool.submit(mine);
                java.util.concurrent.Future<HttpResponse<String>> b = pool.submit(theirs);
                go.countDown();
                int first = a.get().statusCode();
                int second = b.get().statusCode();
                assertEquals("round " + round + ": exactly one save wins, the other is told (409): " + first + " " + second,
                        java.util.Set.of(200, 409), java.util.Set.of(first, second));
                HttpResponse<String> winner = first == 200 ? a.get() : b.get();
                JsonNode stored = view(school, id).get("values").get("classes_total");
                assertEquals("the stored value is the winner's", JSON.readTree(winner.body()).get("values").get("classes_total").get("value").asInt(),
                        stored.get("value").asInt());
                assertEquals(revision + 1, stored.get("revision").asInt());
                revision = stored.get("revision").asInt();
            }
        } finally {
            pool.shutdownNow();
        }
        long changes = 0;
        for (JsonNode entry : JSON.readTree(get(school, "/api/submissions/" + id + "/history").body())) {
            changes += entry.get("kind").asText().equals("VALUE") ? 1 : 0;
        }
        assertEquals("every accepted save is in the history, nothing else", 20, changes);
    }

    /**
     * Several values saved at once are saved all or none; and a save that follows another kind of
     * write (an explanation) starts from it, not from what the previous save left in memory.
     */
    @Test
    public void severalValuesSaveAtOnceAllOrNothing() throws Exception {
        prepare();
        WebSession school = login("sf.school", PASSWORD);
        long id = assignedToSf1("2026-batch");
        String values = "/api/submissions/" + id + "/values";
        HttpResponse<String> saved = sendJson(school, "PATCH", values, Map.of("values", java.util.List.of(
                Map.of("key", "classes_total", "value", 10, "expectedRevision", 0),
                Map.of("key", "pupils_total", "value", 230, "expectedRevision", 0))));
        assertEquals(saved.body(), 200, saved.statusCode());
        JsonNode both = JSON.readTree(saved.body()).get("values");
        assertEquals(10, both.get("classes_total").get("value").asInt());
        assertEquals(1, both.get("classes_total").get("revision").asInt());
        assertEquals(230, both.get("pupils_total").get("value").asInt());

        HttpResponse<String> refused = sendJson(school, "PATCH", values, Map.of("values", java.util.List.of(
                Map.of("key", "classes_total", "value", 11, "expectedRevision", 1),
                Map.of("key", "pupils_total", "value", 231, "expectedRevision", 0))));
        assertEquals("one stale revision refuses the whole save", 409, refused.statusCode());
        JsonNode kept = view(school, id).get("values");
        assertEquals("nothing of a refused save is written", 10, kept.get("classes_total").get("value").asInt());
        assertEquals(1, kept.get("classes_total").get("revision").asInt());
        assertEquals(230, kept.get("pupils_total").get("value").asInt());
        assertEquals(400, sendJson(school, "PATCH", values, Map.of("values", java.util.List.of())).statusCode());

        assertEquals(200, sendJson(school, "PUT", "/api/submissions/" + id + "/explanations/third_shift",
                Map.of("text", "Вторая смена из-за ремонта")).statusCode());
        HttpResponse<String> next = sendJson(school, "PUT", values + "/classes_total", Map.of("value", 12, "expectedRevision", 1));
        assertEquals(next.body(), 200, next.statusCode());
        JsonNode after = JSON.readTree(next.body());
        assertEquals("the save answers the explanation written before it", "Вторая смена из-за ремонта",
                after.get("explanations").get("third_shift").asText());
        assertEquals(2, after.get("values").get("classes_total").get("revision").asInt());
        assertEquals(2, view(school, id).get("values").get("classes_total").get("revision").asInt());

        // The screen's autosave asks only for what the save changed (Prefer: return=minimal, RFC 7240).
        HttpResponse<String> minimal = sendJson(school, "PATCH", values, Map.of("values", java.util.List.of(
                Map.of("key", "classes_total", "value", 13, "expectedRevision", 2))), "Prefer", "return=minimal");
        assertEquals(minimal.body(), 200, minimal.statusCode());
        assertEquals("return=minimal", minimal.headers().firstValue("Preference-Applied").orElse(null));
        JsonNode changed = JSON.readTree(minimal.body());
        java.util.List<String> keys = new java.util.ArrayList<>();
        changed.get("values").fieldNames().forEachRemaining(keys::add);
        assertEquals("only the saved value", java.util.List.of("classes_total"), keys);
        assertEquals(3, changed.get("values").get("classes_total").get("revision").asInt());
        assertFalse("the rest of the submission is not sent again", changed.has("explanations") || changed.has("structuralUnits"));
        assertTrue(changed.get("messages").isArray() && changed.get("actions").isArray() && changed.get("computed").isObject());
        JsonNode whole = view(school, id);
        assertEquals(whole.get("submission").get("completion").asInt(), changed.get("submission").get("completion").asInt());
        assertEquals(whole.get("messages").size(), changed.get("messages").size());
        assertEquals(13, whole.get("values").get("classes_total").get("value").asInt());
    }

    /**
     * Saves answered asynchronously (the request's thread is let go while the group commit writes them) keep
     * their promise under concurrency: two coordinators each saving the same value many times at once from
     * the revision they last saw — each save either written (200, the next revision) or refused with the
     * other's value (409 with OKO's error body), never lost, never overwriting; the history holds one line
     * per written save.
     */
    @Test
    public void concurrentSavesOfOneValueNeverOverwrite() throws Exception {
        prepare();
        WebSession school = login("sf.school", PASSWORD);
        WebSession colleague = login("sf.school2", PASSWORD);
        long id = assignedToSf1("2026-autosave-race");
        String values = "/api/submissions/" + id + "/values";
        assertEquals(200, sendJson(school, "PATCH", values, Map.of("values", java.util.List.of(
                Map.of("key", "classes_total", "value", 1, "expectedRevision", 0)))).statusCode());
        int writers = 8;
        int rounds = 15;
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ConcurrentLinkedQueue<String> wrong = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int w = 0; w < writers; w++) {
            WebSession who = w % 2 == 0 ? school : colleague;
            int writer = w;
            done.add(pool.submit(() -> {
                int seen = 1;
                for (int round = 0; round < rounds; round++) {
                    HttpResponse<String> answer = sendJson(who, "PATCH", values, Map.of("values", java.util.List.of(
                            Map.of("key", "classes_total", "value", 100 * writer + round, "expectedRevision", seen))), "Prefer", "return=minimal");
                    JsonNode body = JSON.readTree(answer.body());
                    if (answer.statusCode() == 200) {
                        JsonNode value = body.get("values").get("classes_total");
                        if (value.get("revision").asInt() != seen + 1 || value.get("value").asInt() != 100 * writer + round) {
                            wrong.add("a written save answered " + value);
                        }
                        seen = value.get("revision").asInt();
                        written.incrementAndGet();
                    } else if (answer.statusCode() == 409 && "submission.value-conflict".equals(body.path("code").asText())
                            && body.path("messages").path("ru").asText().contains("изменил другой пользователь")) {
                        seen = body.get("details").get("currentRevision").asInt();
                    } else {
                        wrong.add(answer.statusCode() + " " + answer.body());
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> each : done) {
            each.get(2, java.util.concurrent.TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertTrue(wrong.toString(), wrong.isEmpty());
        assertTrue("some of the concurrent saves were written", written.get() > 0);
        JsonNode stored = view(school, id).get("values").get("classes_total");
        assertEquals("every written save is one revision, none lost or overwritten", 1 + written.get(), stored.get("revision").asInt());
    }

    @Test
    public void othersSeeNothingOfIt() throws Exception {
        prepare();
        HttpResponse<String> assigned = sendJson("POST", "/api/submissions",
                Map.of("period", "2026-10", "formId", "miac-1", "organisationCode", "SP1"));
        assertEquals(assigned.body(), 201, assigned.statusCode());
        long id = JSON.readTree(assigned.body()).get("id").asLong();
        WebSession founder = login("sf.founder", PASSWORD);
        assertEquals("a founder sees no school it did not found", 404, get(founder, "/api/submissions/" + id).statusCode());
        assertFalse(get(founder, "/api/submissions?period=2026-10").body().contains("SP1"));
        WebSession privateSchool = login("sp.school", PASSWORD);
        JsonNode own = view(privateSchool, id);
        assertEquals("SP1", own.get("submission").get("organisationCode").asText());
        assertEquals(404, get(privateSchool, "/api/submissions/999999").statusCode());
    }

    private static boolean prepared;

    /** Founder SFA with municipal school SF1, private school SP1; coordinators with their own passwords. */
    /** МИАС form 1 assigned by the administrator to school SF1 for {@code period}: the submission's id. */
    private static long assignedToSf1(String period) throws Exception {
        HttpResponse<String> assigned = sendJson("POST", "/api/submissions", Map.of("period", period, "formId", "miac-1", "organisationCode", "SF1"));
        assertEquals(assigned.body(), 201, assigned.statusCode());
        return JSON.readTree(assigned.body()).get("id").asLong();
    }

    private static synchronized void prepare() throws Exception {
        if (prepared) {
            return;
        }
        organisations("ST", "Район Анкет",
                "SFA;Муниципальный орган управления образованием;Управление СФ;ST;;;",
                "SF1;;Школа СФ1;ST;Муниципальная;SFA;Сельская",
                "SP1;;Частная школа СП1;ST;Частная;;Городская");
        account("sf.school", "SF1", "SCHOOL_COORDINATOR", PASSWORD);
        account("sf.school2", "SF1", "SCHOOL_COORDINATOR", PASSWORD);
        account("sf.founder", "SFA", "FOUNDER_COORDINATOR", PASSWORD);
        account("sp.school", "SP1", "SCHOOL_COORDINATOR", PASSWORD);
        prepared = true;
    }
}
