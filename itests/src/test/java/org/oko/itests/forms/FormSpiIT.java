package org.oko.itests.forms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.forms.api.FormCalculator;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.FormImporter;
import org.oko.forms.api.ReportContributor;
import org.oko.forms.api.Text;
import org.oko.itests.support.ModuleJars;
import org.oko.itests.support.OkoContainerTest;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The module SPI beyond validators: calculators, report contributors and importers registered as
 * whiteboard services from the test probe, as a module's DS components would be; their effect
 * while registered, a broken one not disturbing the rest, and nothing left once they are gone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FormSpiIT extends OkoContainerTest {

    private static final String PASSWORD = "Модули-2026-пароль";

    @Inject
    private BundleContext context;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    @After
    public void cleanUp() throws Exception {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered by the test itself
            }
        }
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    public void aCalculatorFillsValuesNobodyTypesUntilItLeaves() throws Exception {
        long id = formFor("it-calculated");
        WebSession school = login("sx.school", PASSWORD);
        assertEquals(200, put(school, id, "pupils_total", 10, 0).statusCode());
        assertEquals(200, put(school, id, "girls", 30, 0).statusCode());
        assertTrue("30 girls of 10 pupils", view(school, id).get("messages").toString().contains("girls_le_total"));

        // The region's number of pupils comes from elsewhere: 40 for SX1, whatever was typed.
        FormCalculator fromRegister = new FormCalculator() {
            @Override
            public Set<String> provides(FormDefinition definition) {
                return Set.of("pupils_total", "no_such_key");
            }

            @Override
            public Map<String, Object> calculate(FormDefinition definition, String organisationCode, String period, Map<String, Object> values) {
                return Map.of("pupils_total", "SX1".equals(organisationCode) && "2026-04".equals(period) ? 40 : 0);
            }
        };
        ServiceRegistration<FormCalculator> calculator = register(FormCalculator.class, fromRegister, "it-calculated", null);
        JsonNode calculated = view(school, id);
        assertEquals(40, calculated.get("computed").get("pupils_total").asInt());
        assertTrue(calculated.get("calculated").toString(), calculated.get("calculated").toString().contains("pupils_total"));
        assertFalse("the typed value waits", calculated.get("values").has("pupils_total"));
        assertFalse("rules see the calculated value", calculated.get("messages").toString().contains("girls_le_total"));
        assertEquals(100, calculated.get("submission").get("completion").asInt());
        HttpResponse<String> typed = put(school, id, "pupils_total", 50, 1);
        assertEquals(typed.body(), 400, typed.statusCode());
        assertTrue(typed.body(), typed.body().contains("рассчитывает модуль формы"));

        // A broken calculator of the same form: one error message, the other calculator still counts.
        register(FormCalculator.class, new FormCalculator() {
            @Override
            public Set<String> provides(FormDefinition definition) {
                return Set.of("girls");
            }

            @Override
            public Map<String, Object> calculate(FormDefinition definition, String organisationCode, String period, Map<String, Object> values) {
                throw new IllegalStateException("the register is down");
            }
        }, "it-calculated", null);
        JsonNode broken = view(school, id);
        assertTrue(broken.get("messages").toString(), broken.get("messages").toString().contains("Расчёт модуля не выполнен"));
        assertEquals(40, broken.get("computed").get("pupils_total").asInt());

        // The export shows the calculated value in its column.
        try (XSSFWorkbook workbook = export("it-calculated")) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> keys = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> keys.add(cell.getStringCellValue()));
            assertEquals(40, (int) sheet.getRow(2).getCell(keys.indexOf("pupils_total")).getNumericCellValue());
        }

        unregisterAll();
        JsonNode gone = view(school, id);
        assertEquals(10, gone.get("values").get("pupils_total").get("value").asInt());
        assertFalse(gone.get("computed").has("pupils_total"));
        assertTrue(gone.get("messages").toString().contains("girls_le_total"));
        assertEquals(200, put(school, id, "pupils_total", 50, 1).statusCode());
    }

    @Test
    public void aReportContributorAddsASheetToTheExport() throws Exception {
        long id = formFor("it-reported");
        WebSession school = login("sx.school", PASSWORD);
        assertEquals(200, put(school, id, "pupils_total", 25, 0).statusCode());
        ReportContributor shares = (definition, submissions) -> new ReportContributor.Sheet("Итоги модуля",
                List.of("Код ОО", "Обучающихся", "Вдвое"),
                submissions.stream().map(s -> List.<Object>of(s.organisationCode(), s.values().get("pupils_total"),
                        ((BigDecimal) s.values().get("pupils_total")).multiply(BigDecimal.valueOf(2)))).toList());
        register(ReportContributor.class, shares, "it-reported", null);
        register(ReportContributor.class, (definition, submissions) -> {
            throw new IllegalStateException("broken report");
        }, "it-reported", null);
        try (XSSFWorkbook workbook = export("it-reported")) {
            assertEquals("SX1", workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue());
            Sheet extra = workbook.getSheet("Итоги модуля");
            assertNotNull("the module's sheet", extra);
            assertEquals("Обучающихся", extra.getRow(0).getCell(1).getStringCellValue());
            assertEquals("SX1", extra.getRow(1).getCell(0).getStringCellValue());
            assertEquals(25, (int) extra.getRow(1).getCell(1).getNumericCellValue());
            assertEquals(50, (int) extra.getRow(1).getCell(2).getNumericCellValue());
            Sheet failures = workbook.getSheet("Ошибки модулей");
            assertNotNull("the broken contributor is named, not hidden", failures);
            assertTrue(failures.getRow(1).getCell(0).getStringCellValue().contains("не сформирован"));
        }
        unregisterAll();
        try (XSSFWorkbook workbook = export("it-reported")) {
            assertEquals(1, workbook.getNumberOfSheets());
            assertNull(workbook.getSheet("Итоги модуля"));
        }
    }

    @Test
    public void anImporterFillsValuesAllOrNothing() throws Exception {
        long id = formFor("it-imported");
        WebSession school = login("sx.school", PASSWORD);
        WebSession colleague = login("sx.school2", PASSWORD);
        // A region's own layout: "код;значение" per line.
        FormImporter csv = new FormImporter() {
            @Override
            public Text title() {
                return new Text("Файл района (код;значение)", "District file");
            }

            @Override
            public Result read(FormDefinition definition, String organisationCode, String fileName, byte[] content) {
                List<Value> values = new ArrayList<>();
                List<Problem> problems = new ArrayList<>();
                String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    String[] parts = lines[i].trim().split(";", -1);
                    if (parts.length != 2) {
                        problems.add(new Problem(i + 1, null, "Нужно два поля через «;»"));
                    } else {
                        values.add(new Value(parts[0], parts[1], i + 1));
                    }
                }
                return new Result(values, problems);
            }
        };
        register(FormImporter.class, csv, "it-imported", "district");
        register(FormImporter.class, new FormImporter() {
            @Override
            public Text title() {
                return Text.of("Сломанный");
            }

            @Override
            public Result read(FormDefinition definition, String organisationCode, String fileName, byte[] content) {
                throw new IllegalStateException("cannot parse");
            }
        }, "it-imported", "broken");
        JsonNode offered = view(school, id).get("importers");
        assertEquals(offered.toString(), "district", offered.get(0).get("id").asText());
        assertEquals("Файл района (код;значение)", offered.get(0).get("title").get("ru").asText());

        HttpResponse<String> imported = upload(school, id, "district", "pupils_total;25\ngirls;12");
        assertEquals(imported.body(), 200, imported.statusCode());
        JsonNode answer = JSON.readTree(imported.body());
        assertEquals(2, answer.get("changed").asInt());
        assertEquals(25, answer.get("submission").get("values").get("pupils_total").get("value").asInt());
        assertEquals("IN_PROGRESS", answer.get("submission").get("submission").get("state").asText());
        assertTrue(get("/api/submissions/" + id + "/history").body().contains("\"actor\":\"sx.school\",\"kind\":\"VALUE\""));
        assertEquals("an import raises revisions: a colleague's older edit is a conflict", 409,
                put(colleague, id, "pupils_total", 26, 0).statusCode());
        // The other way round: an import from a page opened before a colleague's save is refused, nothing changes.
        String opened = view(school, id).get("submission").get("changedAt").asText();
        assertEquals(200, put(colleague, id, "girls", 11, 1).statusCode());
        HttpResponse<String> stale = upload(school, id, "district", "pupils_total;27\ngirls;13", opened);
        assertEquals(stale.body(), 409, stale.statusCode());
        assertTrue(stale.body(), stale.body().contains("обновите страницу"));
        assertEquals(11, view(school, id).get("values").get("girls").get("value").asInt());
        assertEquals(400, send(school, "POST", "/api/submissions/" + id + "/import?importer=district&name=d.csv", "text/csv",
                "girls;13".getBytes(StandardCharsets.UTF_8)).statusCode());

        // A bad file: every problem with its row and field, and nothing changes.
        HttpResponse<String> bad = upload(school, id, "district", "pupils_total;30\ngirls;много\nnosuch;1\nодно поле");
        assertEquals(bad.body(), 400, bad.statusCode());
        JsonNode problems = JSON.readTree(bad.body()).get("details").get("problems");
        assertEquals(problems.toString(), 3, problems.size());
        assertEquals(2, problems.get(0).get("row").asInt());
        assertEquals("girls", problems.get(0).get("field").asText());
        assertTrue(problems.get(1).get("message").asText().contains("Нет показателя «nosuch»"));
        assertEquals(25, view(school, id).get("values").get("pupils_total").get("value").asInt());

        HttpResponse<String> broken = upload(school, id, "broken", "pupils_total;31");
        assertEquals(broken.body(), 400, broken.statusCode());
        assertTrue(broken.body(), broken.body().contains("не смог прочитать файл"));
        assertEquals(25, view(school, id).get("values").get("pupils_total").get("value").asInt());
        assertEquals("only the school's coordinator imports", 403, upload(login("sx.founder", PASSWORD), id, "district", "girls;1").statusCode());
        assertEquals(400, upload(school, id, "district", "").statusCode());

        unregisterAll();
        assertEquals(400, upload(school, id, "district", "girls;13").statusCode());
        assertEquals(11, view(school, id).get("values").get("girls").get("value").asInt());

        // Every form keeps its own workbook: downloaded with the values held, filled offline, uploaded back.
        JsonNode left = view(school, id).get("importers");
        assertEquals(left.toString(), 1, left.size());
        assertEquals("workbook", left.get(0).get("id").asText());
        HttpResponse<byte[]> workbook = getBytes(school, "/api/submissions/" + id + "/workbook.xlsx");
        assertEquals(200, workbook.statusCode());
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            org.apache.poi.ss.usermodel.Row girls = null;
            for (org.apache.poi.ss.usermodel.Row row : book.getSheetAt(0)) {
                if ("girls".equals(row.getCell(0).getStringCellValue())) {
                    girls = row;
                }
            }
            assertEquals("the value held now", "11", girls.getCell(5).getStringCellValue());
            girls.getCell(5).setCellValue("14");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        String since = view(admin(), id).get("submission").get("changedAt").asText();
        HttpResponse<String> back = send(school, "POST", "/api/submissions/" + id + "/import?importer=workbook&name=form.xlsx&since="
                + java.net.URLEncoder.encode(since, StandardCharsets.UTF_8), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled);
        assertEquals(back.body(), 200, back.statusCode());
        assertEquals(1, JSON.readTree(back.body()).get("changed").asInt());
        assertEquals(14, view(school, id).get("values").get("girls").get("value").asInt());
    }

    // --- helpers ---

    private <T> ServiceRegistration<T> register(Class<T> type, T service, String formId, String importerId) {
        Dictionary<String, Object> properties = new Hashtable<>(Map.of(FormCalculator.FORM_ID, formId));
        if (importerId != null) {
            properties.put(FormImporter.IMPORTER_ID, importerId);
        }
        ServiceRegistration<T> registration = context.registerService(type, service, properties);
        registrations.add(registration);
        return registration;
    }

    private void unregisterAll() {
        for (ServiceRegistration<?> registration : registrations) {
            registration.unregister();
        }
        registrations.clear();
    }

    /** A form dropped into deploy/ and assigned to school SX1 for 2026-04: the submission's id. */
    private long formFor(String formId) throws Exception {
        prepare();
        Path file = Path.of(System.getProperty("karaf.base"), "deploy", formId + ".json");
        Files.writeString(file, ModuleJars.definition(formId, 1, "Форма модуля " + formId));
        files.add(file);
        waitForForm(formId, 1, true);
        HttpResponse<String> assigned = sendJson("POST", "/api/submissions", Map.of("period", "2026-04", "formId", formId, "organisationCode", "SX1"));
        assertEquals(assigned.body(), 201, assigned.statusCode());
        return JSON.readTree(assigned.body()).get("id").asLong();
    }

    private static HttpResponse<String> put(WebSession session, long id, String key, Object value, int revision) throws Exception {
        return sendJson(session, "PUT", "/api/submissions/" + id + "/values/" + key, Map.of("value", value, "expectedRevision", revision));
    }

    /** An import from the form as it stands now (its changedAt as {@code since}). */
    private static HttpResponse<String> upload(WebSession session, long id, String importer, String content) throws Exception {
        return upload(session, id, importer, content, view(admin(), id).get("submission").get("changedAt").asText());
    }

    private static HttpResponse<String> upload(WebSession session, long id, String importer, String content, String since) throws Exception {
        return send(session, "POST", "/api/submissions/" + id + "/import?importer=" + importer + "&name=district.csv&since="
                + java.net.URLEncoder.encode(since, StandardCharsets.UTF_8), "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private static XSSFWorkbook export(String formId) throws Exception {
        HttpResponse<byte[]> export = getBytes("/api/submissions/export.xlsx?formId=" + formId + "&version=1");
        assertEquals(200, export.statusCode());
        return new XSSFWorkbook(new ByteArrayInputStream(export.body()));
    }

    private static boolean prepared;

    /** Founder SXA with municipal school SX1; two school coordinators and the founder's. */
    private static synchronized void prepare() throws Exception {
        if (prepared) {
            return;
        }
        organisations("SX", "Район Модулей",
                "SXA;Муниципальный орган управления образованием;Управление СХ;SX;;;",
                "SX1;;Школа СХ1;SX;Муниципальная;SXA;Сельская");
        account("sx.school", "SX1", "SCHOOL_COORDINATOR", PASSWORD);
        account("sx.school2", "SX1", "SCHOOL_COORDINATOR", PASSWORD);
        account("sx.founder", "SXA", "FOUNDER_COORDINATOR", PASSWORD);
        prepared = true;
    }

}
