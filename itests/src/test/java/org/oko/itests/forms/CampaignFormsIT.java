package org.oko.itests.forms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.OkoContainerTest;
import org.oko.itests.support.SubmissionValues;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every МИАС form 1–13 through the usual workflow of the shipped roadmap's campaign: the form is deployed, its step
 * assigned to a municipal school with a branch by its founder; the school's coordinator saves the form's sample
 * (form-definitions/miac-N/src/test/resources/samples/miac-N.json, the values FormDefinitionsTest checks offline)
 * through REST — no message, 100 % — then the sample's one invalid value, which its rule refuses and which blocks the
 * submit; restored, the form is submitted, verified and confirmed with the founder's letter, and the form's XLSX export
 * holds a saved value.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CampaignFormsIT extends OkoContainerTest {

    /** A year of its own, so that the campaign, its periods and the analytics of other tests' years stay apart. */
    private static final int YEAR = 2029;
    private static final String CAMPAIGN = "miac-" + YEAR;
    private static final String TERRITORY = "CFT";
    private static final String SCHOOL = "CF1";
    private static final String BRANCH = "CF1-1";
    private static final String PASSWORD = "Кампания-2029-пароль";

    /**
     * Forms a procedure module fills while it is installed (a calculator): feature, symbolic name and an endpoint
     * that answers 404 without it. This test fills them by hand, as a region without the module does: a module whose
     * calculator claims keys of the form is removed meanwhile and installed again after.
     */
    private static final Map<String, String[]> PREFILLED = Map.of(
            "miac-7", new String[] {"oko-vpr", "org.oko.vpr", "/api/vpr/imports"},
            "miac-8", new String[] {"oko-gto", "org.oko.gto", "/api/gto/norms"},
            "miac-13", new String[] {"oko-olympiad", "org.oko.olympiad", "/api/olympiad/years"});

    @Inject
    private BundleContext context;

    private final SubmissionValues values = new SubmissionValues();

    @Test
    public void form1() throws Exception {
        fillSubmitConfirmAndExport(1);
    }

    @Test
    public void form2() throws Exception {
        fillSubmitConfirmAndExport(2);
    }

    @Test
    public void form3() throws Exception {
        fillSubmitConfirmAndExport(3);
    }

    @Test
    public void form4() throws Exception {
        fillSubmitConfirmAndExport(4);
    }

    @Test
    public void form5() throws Exception {
        fillSubmitConfirmAndExport(5);
    }

    @Test
    public void form6() throws Exception {
        fillSubmitConfirmAndExport(6);
    }

    @Test
    public void form7() throws Exception {
        fillSubmitConfirmAndExport(7);
    }

    @Test
    public void form8() throws Exception {
        fillSubmitConfirmAndExport(8);
    }

    @Test
    public void form9() throws Exception {
        fillSubmitConfirmAndExport(9);
    }

    @Test
    public void form10() throws Exception {
        fillSubmitConfirmAndExport(10);
    }

    @Test
    public void form11() throws Exception {
        fillSubmitConfirmAndExport(11);
    }

    @Test
    public void form12() throws Exception {
        fillSubmitConfirmAndExport(12);
    }

    @Test
    public void form13() throws Exception {
        fillSubmitConfirmAndExport(13);
    }

    private void fillSubmitConfirmAndExport(int number) throws Exception {
        String form = "miac-" + number;
        JsonNode campaign = prepare();
        int version = deployedVersion(form);
        JsonNode sample = JSON.readTree(Files.readString(
                sourceFile("../form-definitions/" + form + "/src/test/resources/samples/" + form + ".json"), StandardCharsets.UTF_8));
        JsonNode step = step(campaign, form);
        String stepId = step.get("id").asText();
        String period = step.get("period").asText();
        WebSession school = login("cf.school", PASSWORD);
        WebSession founder = login("cf.founder", PASSWORD);

        // The founder assigns the roadmap's step to the school (not to its branch: that reports through its head).
        HttpResponse<String> assigned = sendJson(founder, "POST", "/api/campaigns/" + CAMPAIGN + "/steps/" + stepId + "/assignments",
                Map.of("codes", List.of(SCHOOL)));
        assertEquals(form + ": " + assigned.body(), 200, assigned.statusCode());
        assertEquals(form + ": " + assigned.body(), 1, JSON.readTree(assigned.body()).get("done").asInt());
        long id = dashboardRow(founder, stepId).get("submissionId").asLong();

        String[] module = PREFILLED.get(form);
        boolean moduleWasThere = module != null && view(school, id).get("calculated").size() > 0;
        if (moduleWasThere) {
            assertEquals(form, 204, send("DELETE", "/api/modules/" + module[1], "application/json", new byte[0]).statusCode());
            waitFor(module[2], 404);
        }
        try {
            JsonNode fresh = view(school, id);
            assertEquals(form + ": " + fresh, period, fresh.get("submission").get("period").asText());
            assertEquals(form + ": filled by hand, no module's calculator", 0, fresh.get("calculated").size());
            Map<String, String> units = units(form, sample, fresh);

            // The sample's valid values: nothing to say, complete.
            Map<String, Object> valid = sampleValues(sample.get("valid"), units);
            values.saveAll(school, id, valid);
            JsonNode filled = view(school, id);
            assertEquals(form + ": the valid sample has no message", "[]", filled.get("messages").toString());
            assertEquals(form + ": complete", 100, filled.get("submission").get("completion").asInt());
            assertEquals(form, "IN_PROGRESS", filled.get("submission").get("state").asText());

            // The one invalid value: its rule says so, as an error, and the form cannot be sent.
            String rule = sample.get("invalid").get("rule").asText();
            Map<String, Object> change = sampleValues(sample.get("invalid").get("change"), units);
            JsonNode refused = values.saveAll(school, id, change);
            assertTrue(form + ": " + rule + " in " + refused.get("messages"), hasError(refused.get("messages"), rule));
            HttpResponse<String> blocked = send(school, "POST", "/api/submissions/" + id + "/submit", "application/json", new byte[0]);
            assertEquals(form + ": " + blocked.body(), 409, blocked.statusCode());
            assertTrue(form + ": " + blocked.body(), blocked.body().contains("\"" + rule + "\""));

            Map<String, Object> restored = new LinkedHashMap<>();
            change.keySet().forEach(key -> restored.put(key, valid.get(key)));
            assertEquals(form + ": restored", "[]", values.saveAll(school, id, restored).get("messages").toString());

            // The usual workflow: the school sends it, its founder verifies and confirms it with the letter.
            assertEquals(form, "SUBMITTED", transition(school, id, "submit", null, 200).get("submission").get("state").asText());
            assertEquals(form, "VERIFIED", transition(founder, id, "verify", null, 200).get("submission").get("state").asText());
            HttpResponse<String> confirmed = send(founder, "POST", "/api/submissions/" + id + "/letter?name=" + form + ".pdf",
                    "application/pdf", pdf(2048));
            assertEquals(form + ": " + confirmed.body(), 200, confirmed.statusCode());
            assertEquals(form, "CONFIRMED", JSON.readTree(confirmed.body()).get("submission").get("state").asText());
            assertEquals(form, "CONFIRMED", dashboardRow(founder, stepId).get("state").asText());

            assertExported(founder, form, version, period, valid);
        } finally {
            // Every evaluation (submit and export too) asks the calculators: the module comes back only now.
            if (moduleWasThere) {
                HttpResponse<String> installed = sendJson("POST", "/api/modules", Map.of("feature", module[0]));
                assertEquals(installed.body(), 201, installed.statusCode());
                waitFor(module[2], 200);
            }
        }
    }

    /** The form's version deployed (listed and available) at the suite's start: the boot feature brings it. */
    private static int deployedVersion(String form) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            for (JsonNode listed : JSON.readTree(get("/api/forms").body())) {
                if (listed.get("id").asText().equals(form) && listed.get("available").asBoolean()) {
                    return listed.get("version").asInt();
                }
            }
            assertTrue(form + " is not deployed: " + get("/api/forms").body() + "; problems: " + get("/api/forms/problems").body(),
                    System.currentTimeMillis() < deadline);
            Thread.sleep(200);
        }
    }

    /** The sample's unit keys (its organisation and branch) mapped in order onto the submission's structural units. */
    private static Map<String, String> units(String form, JsonNode sample, JsonNode view) {
        Map<String, String> units = new LinkedHashMap<>();
        if (sample.has("units")) {
            JsonNode ours = view.get("structuralUnits");
            assertEquals(form + ": the school and its branch: " + ours, sample.get("units").size(), ours.size());
            for (int i = 0; i < ours.size(); i++) {
                units.put(sample.get("units").get(i).get("key").asText(), ours.get(i).get("key").asText());
            }
            assertEquals(form, List.of(SCHOOL, BRANCH), new ArrayList<>(units.values()));
        }
        return units;
    }

    /** A sample's values as the browser sends them, unit rows renamed to this school's. */
    private static Map<String, Object> sampleValues(JsonNode sampleValues, Map<String, String> units) {
        Map<String, Object> values = new LinkedHashMap<>();
        sampleValues.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            for (Map.Entry<String, String> unit : units.entrySet()) {
                key = key.replace("[" + unit.getKey() + "]", "[" + unit.getValue() + "]");
            }
            values.put(key, JSON.convertValue(entry.getValue(), Object.class));
        });
        return values;
    }

    private static boolean hasError(JsonNode messages, String rule) {
        for (JsonNode message : messages) {
            if (rule.equals(message.path("ruleId").asText()) && "ERROR".equals(message.path("severity").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The founder's export of the form version and period: the school's row holds every saved number. */
    private static void assertExported(WebSession founder, String form, int version, String period, Map<String, Object> saved)
            throws Exception {
        HttpResponse<byte[]> export = getBytes(founder, "/api/submissions/export.xlsx?formId=" + form + "&version=" + version + "&period=" + period);
        assertEquals(form, 200, export.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> keys = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> keys.add(cell.getStringCellValue()));
            Row school = null;
            for (int row = 2; row <= sheet.getLastRowNum(); row++) {
                if (SCHOOL.equals(sheet.getRow(row).getCell(0).getStringCellValue())) {
                    school = sheet.getRow(row);
                }
            }
            assertNotNull(form + ": the school's row in the export", school);
            int numbers = 0;
            for (Map.Entry<String, Object> value : saved.entrySet()) {
                if (value.getValue() instanceof Number number) {
                    int column = keys.indexOf(value.getKey());
                    assertTrue(form + ": column " + value.getKey() + " in " + keys, column >= 0);
                    Cell cell = school.getCell(column);
                    assertEquals(form + ": " + value.getKey(), CellType.NUMERIC, cell.getCellType());
                    assertEquals(form + ": " + value.getKey(), number.doubleValue(), cell.getNumericCellValue(), 1e-9);
                    numbers++;
                }
            }
            assertTrue(form + ": the sample has numbers", numbers > 0);
        }
    }

    private static JsonNode step(JsonNode campaign, String form) {
        for (JsonNode step : campaign.get("steps")) {
            if (form.equals(step.path("form").asText())) {
                return step; // a form collected twice a year: its first period
            }
        }
        throw new AssertionError(form + " has no step in the shipped roadmap: " + campaign);
    }

    private static JsonNode dashboardRow(WebSession session, String stepId) throws Exception {
        HttpResponse<String> dashboard = get(session, "/api/campaigns/" + CAMPAIGN + "/steps/" + stepId + "/dashboard?territory=" + TERRITORY);
        assertEquals(dashboard.body(), 200, dashboard.statusCode());
        for (JsonNode row : JSON.readTree(dashboard.body()).get("rows")) {
            if (row.get("code").asText().equals(SCHOOL)) {
                return row;
            }
        }
        throw new AssertionError(SCHOOL + " not on " + stepId + "'s dashboard: " + dashboard.body());
    }

    private static JsonNode campaign;

    /**
     * Once: a founder FCA with its municipal school CF1 and CF1's branch, their coordinators, and the campaign of
     * the roadmap the scheduling bundle ships (seed 000's thirteen forms), created by the regional centre.
     */
    private synchronized JsonNode prepare() throws Exception {
        if (campaign != null) {
            return campaign;
        }
        organisations(TERRITORY, "Район Кампании",
                "CFA;Муниципальный орган управления образованием;Управление Кампании;" + TERRITORY + ";;;",
                SCHOOL + ";;Школа Кампании;" + TERRITORY + ";Муниципальная;CFA;Сельская");
        String branch = "Код ОО;Полное наименование;Код территории;Тип учредителя;Код учредителя;Тип местности;Код головной организации\n"
                + BRANCH + ";Филиал школы Кампании;" + TERRITORY + ";Муниципальная;CFA;Сельская;" + SCHOOL;
        HttpResponse<String> imported = send("POST", "/api/catalog/import?name=" + BRANCH + ".csv", "text/csv",
                branch.getBytes(StandardCharsets.UTF_8));
        assertTrue(imported.body(), JSON.readTree(imported.body()).get("applied").asBoolean());
        account("cf.school", SCHOOL, "SCHOOL_COORDINATOR", PASSWORD);
        account("cf.founder", "CFA", "FOUNDER_COORDINATOR", PASSWORD);
        String roadmap = shippedRoadmap().replace("{{YEAR}}", String.valueOf(YEAR));
        HttpResponse<String> created = send("POST", "/api/campaigns", "application/json", roadmap.getBytes(StandardCharsets.UTF_8));
        assertEquals(created.body(), 201, created.statusCode());
        campaign = JSON.readTree(roadmap);
        return campaign;
    }

    private String shippedRoadmap() throws Exception {
        for (Bundle bundle : context.getBundles()) {
            if ("org.oko.scheduling".equals(bundle.getSymbolicName())) {
                try (InputStream in = bundle.getEntry("campaigns/miac-roadmap.json").openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no scheduling bundle");
    }
}
