package org.oko.itests.forms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.oko.itests.support.ModuleJars.definition;
import static org.oko.itests.support.ModuleJars.jar;
import static org.oko.itests.support.ModuleJars.moduleJar;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.CoreWatch;
import org.oko.itests.support.OkoContainerTest;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Form modules at runtime: definitions dropped into deploy/, the shipped МИАС 1 module removed and
 * installed again, stopped and started, broken modules reported without disturbing the rest, and
 * never a refresh of the core bundles.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FormModulesIT extends OkoContainerTest {

    @Inject
    private BundleContext context;

    private final List<Path> dropped = new ArrayList<>();
    private final List<CoreWatch> watches = new ArrayList<>();

    @After
    public void removeDroppedFiles() throws Exception {
        watches.forEach(CoreWatch::close);
        for (Path file : dropped) {
            Files.deleteIfExists(file); // in order: a temporary folder comes after its files
        }
        for (String module : List.of("org.oko.it.broken", "org.oko.it.throwing", "org.oko.it.missing",
                "org.oko.it.location", "org.oko.it.repo")) {
            send("DELETE", "/api/modules/" + module, "application/json", new byte[0]);
        }
    }

    @Test
    public void shippedModuleIsRemovedInstalledStoppedAndStartedWithoutTouchingTheCore() throws Exception {
        JsonNode shipped = waitForForm("miac-1", 1, true);
        assertEquals("org.oko.form.miac1", shipped.get("source").asText());
        CoreWatch core = watchCore();
        // A school's submission with a value, typed before the module goes.
        WebSession school = moduleSchool();
        HttpResponse<String> assigned = sendJson("POST", "/api/submissions",
                Map.of("period", "2026-fm", "formId", "miac-1", "organisationCode", "FM1"));
        assertEquals(assigned.body(), 201, assigned.statusCode());
        long id = JSON.readTree(assigned.body()).get("id").asLong();
        HttpResponse<String> saved = sendJson(school, "PUT", "/api/submissions/" + id + "/values/pupils_total",
                Map.of("value", 220, "expectedRevision", 0));
        assertEquals(saved.body(), 200, saved.statusCode());

        assertEquals(204, send("DELETE", "/api/modules/org.oko.form.miac1", "application/json", new byte[0]).statusCode());
        waitForForm("miac-1", 1, false);
        assertEquals("a removed module's definition stays readable", 200, get("/api/forms/miac-1/1").statusCode());
        core.assertUntouchedBesidesModuleRefreshes("feature:uninstall oko-form-miac-1", 1);
        assertValueKept(id, false);
        assertEquals("no edits while the module is gone", 409, sendJson(school, "PUT", "/api/submissions/" + id + "/values/teachers_total",
                Map.of("value", 20, "expectedRevision", 0)).statusCode());
        assertExported("2026-fm", "FM1", "pupils_total", 220);

        HttpResponse<String> installed = sendJson("POST", "/api/modules", Map.of("feature", "oko-form-miac-1"));
        assertEquals(installed.body(), 201, installed.statusCode());
        assertEquals("ACTIVE", JSON.readTree(installed.body()).get("state").asText());
        waitForForm("miac-1", 1, true);
        core.assertUntouched("feature:install oko-form-miac-1");

        assertEquals(200, send("POST", "/api/modules/org.oko.form.miac1/stop", "application/json", new byte[0]).statusCode());
        waitForForm("miac-1", 1, false);
        core.assertUntouched("stopping the module");
        assertValueKept(id, false);
        assertExported("2026-fm", "FM1", "pupils_total", 220);
        assertEquals(200, send("POST", "/api/modules/org.oko.form.miac1/start", "application/json", new byte[0]).statusCode());
        waitForForm("miac-1", 1, true);
        core.assertUntouched("starting the module");
        assertValueKept(id, true);
        HttpResponse<String> again = sendJson(school, "PUT", "/api/submissions/" + id + "/values/teachers_total",
                Map.of("value", 20, "expectedRevision", 0));
        assertEquals("editable again once the module is back: " + again.body(), 200, again.statusCode());
    }

    /** The submission is readable with its value, its form (un)available as the module is. */
    private static void assertValueKept(long id, boolean available) throws Exception {
        HttpResponse<String> response = get("/api/submissions/" + id);
        assertEquals(response.body(), 200, response.statusCode());
        JsonNode view = JSON.readTree(response.body());
        assertEquals(response.body(), available, view.get("formAvailable").asBoolean());
        assertEquals(response.body(), 220, view.get("values").get("pupils_total").get("value").asInt());
    }

    /** The XLSX export of miac-1 v1 for the period holds the organisation's value. */
    private static void assertExported(String period, String organisation, String key, int value) throws Exception {
        HttpResponse<byte[]> export = getBytes("/api/submissions/export.xlsx?formId=miac-1&version=1&period=" + period);
        assertEquals(200, export.statusCode());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(export.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            List<String> keys = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> keys.add(cell.getStringCellValue()));
            boolean found = false;
            for (int row = 2; row <= sheet.getLastRowNum(); row++) {
                if (organisation.equals(sheet.getRow(row).getCell(0).getStringCellValue())) {
                    assertEquals(value, (int) sheet.getRow(row).getCell(keys.indexOf(key)).getNumericCellValue());
                    found = true;
                }
            }
            assertTrue("exported row of " + organisation, found);
        }
    }

    private static WebSession moduleSchool;

    /** A municipal school FM1 (founder FMA) and its coordinator: only a school edits values. */
    private static synchronized WebSession moduleSchool() throws Exception {
        String password = "Модуль-2026-пароль";
        if (moduleSchool == null) {
            organisations("FMT", "Район Модулей",
                    "FMA;Муниципальный орган управления образованием;Управление ФМ;FMT;;;",
                    "FM1;;Школа ФМ1;FMT;Муниципальная;FMA;Сельская");
            account("fm.school", "FM1", "SCHOOL_COORDINATOR", password);
            moduleSchool = login("fm.school", password);
        }
        return moduleSchool;
    }

    @Test
    public void definitionDroppedIntoDeployBecomesALiveFormAndLeavesWithTheFile() throws Exception {
        CoreWatch core = watchCore();
        Path file = drop("it-deploy.json", definition("it-deploy", 1, "Форма из папки deploy"));
        JsonNode form = waitForForm("it-deploy", 1, true);
        assertEquals("deploy:it-deploy.json", form.get("source").asText());
        assertEquals("Форма из папки deploy", JSON.readTree(get("/api/forms/it-deploy/1").body()).get("title").get("ru").asText());

        Files.delete(file);
        JsonNode gone = waitForForm("it-deploy", 1, false);
        assertFalse("known but unavailable: its submissions and exports stay", gone.get("available").asBoolean());
        assertEquals(200, get("/api/forms/it-deploy/1").statusCode());
        core.assertUntouched("a JSON dropped into deploy/ and deleted");
    }

    @Test
    public void moduleJarDroppedIntoDeployBringsItsFormsAndTakesThemAlong() throws Exception {
        CoreWatch core = watchCore();
        byte[] jar = moduleJar("org.oko.it.dropped", null,
                Map.of("OKO-INF/forms/it-dropped.json", definition("it-dropped", 1, "Форма из модуля в deploy")));
        Path temporary = Files.createTempFile(deployFolder(), ".it-", ".tmp");
        Files.write(temporary, jar);
        Path file = Files.move(temporary, deployFolder().resolve("it-dropped-module.jar"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        dropped.add(file);
        assertEquals("org.oko.it.dropped", waitForForm("it-dropped", 1, true).get("source").asText());
        assertEquals("ACTIVE", module("org.oko.it.dropped").get("state").asText());
        core.assertUntouchedBesidesModuleRefreshes("a module jar dropped into deploy/", 1);
        Files.delete(file);
        waitForForm("it-dropped", 1, false);
        waitUntilGone("org.oko.it.dropped");
        core.assertUntouchedBesidesModuleRefreshes("deleting a module jar from deploy/", 1);
    }

    /**
     * A KAR in deploy/: Karaf extracts its repository/ folder (a Maven layout) into data/kar/, adds the
     * features XML it finds there and installs its features — without a refresh, as etc/org.apache.karaf.kar.cfg
     * says; deleting the KAR uninstalls its features and so the module.
     */
    @Test
    public void karDroppedIntoDeployInstallsItsFeatureWithoutTouchingTheCore() throws Exception {
        CoreWatch core = watchCore();
        byte[] module = moduleJar("org.oko.it.kar", null,
                Map.of("OKO-INF/forms/it-kar.json", definition("it-kar", 1, "Форма из KAR")));
        String features = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<features name=\"it-kar-features\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n"
                + "  <feature name=\"it-kar-module\" version=\"1.0.0\">\n"
                + "    <bundle>mvn:org.oko.it/it-kar-module/1.0.0</bundle>\n"
                + "  </feature>\n"
                + "</features>\n";
        ByteArrayOutputStream kar = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(kar)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("repository/org/oko/it/it-kar-module/1.0.0/it-kar-module-1.0.0.jar"));
            zip.write(module);
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("repository/org/oko/it/it-kar-features/1.0.0/it-kar-features-1.0.0-features.xml"));
            zip.write(features.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path temporary = Files.createTempFile(deployFolder(), ".it-", ".tmp");
        Files.write(temporary, kar.toByteArray());
        Path file = Files.move(temporary, deployFolder().resolve("it-kar.kar"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        dropped.add(file);

        assertEquals("org.oko.it.kar", waitForForm("it-kar", 1, true).get("source").asText());
        assertEquals("ACTIVE", module("org.oko.it.kar").get("state").asText());
        core.assertUntouched("a KAR dropped into deploy/");

        Files.delete(file);
        waitForForm("it-kar", 1, false);
        waitUntilGone("org.oko.it.kar");
        core.assertUntouchedBesidesModuleRefreshes("deleting a KAR from deploy/", 1);
    }

    @Test
    public void aPublishedVersionNeverChanges() throws Exception {
        drop("it-immutable.json", definition("it-immutable", 1, "Первая редакция"));
        waitForForm("it-immutable", 1, true);
        drop("it-immutable-changed.json", definition("it-immutable", 1, "Другая редакция той же версии"));
        String problems = waitForProblem("deploy:it-immutable-changed.json");
        assertTrue(problems, problems.contains("new version"));
        assertEquals("Первая редакция", JSON.readTree(get("/api/forms/it-immutable/1").body()).get("title").get("ru").asText());

        drop("it-immutable-v2.json", definition("it-immutable", 2, "Вторая версия"));
        waitForForm("it-immutable", 2, true);
    }

    @Test
    public void uploadedDefinitionIsCheckedThenLive() throws Exception {
        CoreWatch core = watchCore();
        HttpResponse<String> refused = send("POST", "/api/forms/definitions", "application/json",
                "{\"id\":\"it-upload\",\"version\":1,\"title\":\"Т\",\"sections\":[{\"id\":\"s\",\"title\":\"С\",\"items\":[{\"code\":\"x\",\"label\":\"Х\",\"type\":\"money\"}]}]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(refused.body(), 400, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("unknown type 'money'"));

        HttpResponse<String> badRule = send("POST", "/api/forms/definitions", "application/json",
                definition("it-upload", 1, "Т").replace("girls <= pupils_total", "girls <= teachers_total")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(badRule.body(), 400, badRule.statusCode());
        assertTrue(badRule.body(), badRule.body().contains("teachers_total"));

        HttpResponse<String> accepted = send("POST", "/api/forms/definitions", "application/json",
                definition("it-upload", 1, "Загруженная форма").getBytes(StandardCharsets.UTF_8));
        assertEquals(accepted.body(), 201, accepted.statusCode());
        dropped.add(deployFolder().resolve("it-upload-v1.json"));
        waitForForm("it-upload", 1, true);
        core.assertUntouched("an uploaded definition");
    }

    /** Uploading a version that is live already: never a second source, never a live form taken offline. */
    @Test
    public void reUploadingALiveVersionChangesNothingAndAChangedOneIsRefused() throws Exception {
        byte[] first = definition("it-reupload", 1, "Первая редакция").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> accepted = send("POST", "/api/forms/definitions", "application/json", first);
        assertEquals(accepted.body(), 201, accepted.statusCode());
        Path file = deployFolder().resolve("it-reupload-v1.json");
        dropped.add(file);
        assertEquals("deploy:it-reupload-v1.json", waitForForm("it-reupload", 1, true).get("source").asText());

        HttpResponse<String> same = send("POST", "/api/forms/definitions", "application/json", first);
        assertEquals(same.body(), 200, same.statusCode());
        assertTrue(same.body(), same.body().contains("Без изменений"));

        HttpResponse<String> changed = send("POST", "/api/forms/definitions", "application/json",
                definition("it-reupload", 1, "Другая редакция").getBytes(StandardCharsets.UTF_8));
        assertEquals(changed.body(), 409, changed.statusCode());
        assertTrue(changed.body(), changed.body().contains("уже опубликована") && changed.body().contains("новую версию"));
        assertTrue("the live file is untouched", Files.readString(file).contains("Первая редакция"));

        // The shipped module's form, uploaded as is (the stored JSON) or changed: the module stays its source.
        String shipped = get("/api/forms/miac-1/1").body();
        HttpResponse<String> module = send("POST", "/api/forms/definitions", "application/json", shipped.getBytes(StandardCharsets.UTF_8));
        assertEquals(module.body(), 200, module.statusCode());
        assertTrue(module.body(), module.body().contains("org.oko.form.miac1"));
        HttpResponse<String> moduleChanged = send("POST", "/api/forms/definitions", "application/json",
                shipped.replaceFirst("\"ru\":\"", "\"ru\":\"Изменено: ").getBytes(StandardCharsets.UTF_8));
        assertEquals(moduleChanged.body(), 409, moduleChanged.statusCode());
        assertFalse(Files.exists(deployFolder().resolve("miac-1-v1.json")));
        assertEquals("org.oko.form.miac1", waitForForm("miac-1", 1, true).get("source").asText());

        // A file overwritten with refused content keeps its live form (and says why).
        Files.writeString(file, definition("it-reupload", 1, "Другая редакция"), StandardCharsets.UTF_8);
        String problems = waitForProblem("deploy:it-reupload-v1.json");
        assertTrue(problems, problems.contains("new version"));
        JsonNode live = waitForForm("it-reupload", 1, true);
        assertEquals("deploy:it-reupload-v1.json", live.get("source").asText());
        assertEquals("Первая редакция", JSON.readTree(get("/api/forms/it-reupload/1").body()).get("title").get("ru").asText());
    }

    @Test
    public void screensOfAModuleComeAndGoWithItAndBadOnesAreReported() throws Exception {
        String screens = "{\"screens\":[{\"path\":\"it-screen\",\"title\":{\"ru\":\"Экран модуля\"},\"roles\":[\"ADMINISTRATOR\"],"
                + "\"module\":\"screen.js\"}]}";
        CoreWatch core = watchCore();
        HttpResponse<String> installed = send("POST", "/api/modules", "application/java-archive", moduleJar("org.oko.it.screen", null,
                Map.of("OKO-INF/web/screens.json", screens, "OKO-INF/web/screen.js", "export function render(main) {}\n")));
        assertEquals(installed.body(), 201, installed.statusCode());
        List<String> urls = screenUrls();
        assertTrue(urls.toString(), urls.contains("/ext/org.oko.it.screen/screen.js"));
        HttpResponse<String> script = get("/ext/org.oko.it.screen/screen.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(404, get("/ext/org.oko.it.screen/screens.json.js").statusCode());
        int escape = get("/ext/org.oko.it.screen/..%2F..%2FMETA-INF%2FMANIFEST.MF").statusCode();
        assertTrue("no way out of the web folder: " + escape, escape == 400 || escape == 404);

        // The same path from another module, and a module file that is missing: refused and reported.
        HttpResponse<String> clash = send("POST", "/api/modules", "application/java-archive", moduleJar("org.oko.it.clash", null,
                Map.of("OKO-INF/web/screens.json", screens.replace("screen.js", "missing.js"))));
        assertEquals(clash.body(), 201, clash.statusCode());
        String problems = module("org.oko.it.clash").get("problems").toString();
        assertTrue(problems, problems.contains("'it-screen' is already a screen") && problems.contains(".module"));
        assertEquals("the clashing module adds nothing", urls, screenUrls());
        core.assertUntouched("uploading two module jars");

        assertEquals(204, send("DELETE", "/api/modules/org.oko.it.screen", "application/json", new byte[0]).statusCode());
        assertEquals(204, send("DELETE", "/api/modules/org.oko.it.clash", "application/json", new byte[0]).statusCode());
        assertFalse(screenUrls().toString(), screenUrls().contains("/ext/org.oko.it.screen/screen.js"));
        assertEquals(404, get("/ext/org.oko.it.screen/screen.js").statusCode());
        core.assertUntouchedBesidesModuleRefreshes("removing two uploaded module jars", 2);

        // The administrator's audit trail holds who installed and removed the modules, newest first.
        JsonNode trail = JSON.readTree(get("/api/audit?action=module.&max=50").body());
        List<String> lines = new java.util.ArrayList<>();
        trail.forEach(e -> lines.add(e.get("action").asText() + " " + e.get("target").asText() + " " + e.get("actor").asText()));
        int removed = lines.indexOf("module.remove org.oko.it.clash admin");
        int added = lines.indexOf("module.install org.oko.it.screen admin");
        assertTrue(lines.toString(), removed >= 0 && added > removed && lines.contains("module.remove org.oko.it.screen admin"));
    }

    /** The two other ways of the modules REST: a bundle location, and a feature from a repository the system did not know. */
    @Test
    public void modulesInstallByLocationAndByAFeatureOfANewRepository() throws Exception {
        Path folder = Files.createTempDirectory("oko-it-modules");
        Path byLocation = Files.write(folder.resolve("it-location.jar"), moduleJar("org.oko.it.location", null,
                Map.of("OKO-INF/forms/it-location.json", definition("it-location", 1, "Форма по адресу модуля"))));
        Path byFeature = Files.write(folder.resolve("it-repo.jar"), moduleJar("org.oko.it.repo", null,
                Map.of("OKO-INF/forms/it-repo.json", definition("it-repo", 1, "Форма из репозитория"))));
        Path repository = Files.writeString(folder.resolve("it-features.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<features name=\"it-repo-features\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n"
                + "  <feature name=\"it-repo-module\" version=\"1.0.0\"><bundle>" + byFeature.toUri() + "</bundle></feature>\n"
                + "</features>\n", StandardCharsets.UTF_8);
        dropped.addAll(List.of(byLocation, byFeature, repository, folder));
        CoreWatch core = watchCore();

        HttpResponse<String> located = sendJson("POST", "/api/modules", Map.of("location", byLocation.toUri().toString()));
        assertEquals(located.body(), 201, located.statusCode());
        assertEquals("org.oko.it.location", waitForForm("it-location", 1, true).get("source").asText());
        HttpResponse<String> featured = sendJson("POST", "/api/modules",
                Map.of("repository", repository.toUri().toString(), "feature", "it-repo-module"));
        assertEquals(featured.body(), 201, featured.statusCode());
        assertEquals("org.oko.it.repo", waitForForm("it-repo", 1, true).get("source").asText());
        assertEquals("ACTIVE", module("org.oko.it.repo").get("state").asText());
        core.assertUntouched("a module by location and a feature of a new repository");

        HttpResponse<String> unknown = sendJson("POST", "/api/modules", Map.of("feature", "oko-no-such-feature"));
        assertTrue(unknown.statusCode() + " " + unknown.body(), unknown.statusCode() >= 400 && unknown.statusCode() < 500);
        HttpResponse<String> nowhere = sendJson("POST", "/api/modules", Map.of("location", folder.resolve("missing.jar").toUri().toString()));
        assertTrue(nowhere.statusCode() + " " + nowhere.body(), nowhere.statusCode() >= 400 && nowhere.statusCode() < 500);

        assertEquals(204, send("DELETE", "/api/modules/org.oko.it.location", "application/json", new byte[0]).statusCode());
        assertEquals(204, send("DELETE", "/api/modules/org.oko.it.repo", "application/json", new byte[0]).statusCode());
        waitForForm("it-location", 1, false);
        waitForForm("it-repo", 1, false);
    }

    private static List<String> screenUrls() throws Exception {
        List<String> urls = new ArrayList<>();
        JSON.readTree(get("/api/ui/extensions").body()).forEach(screen -> urls.add(screen.get("url").asText()));
        return urls;
    }

    @Test
    public void brokenModulesAreReportedAndTheRestKeepsWorking() throws Exception {
        CoreWatch core = watchCore();
        drop("it-healthy.json", definition("it-healthy", 1, "Здоровая форма"));
        waitForForm("it-healthy", 1, true);

        // Invalid content: installed and started, its definition refused with the reason in the module list.
        HttpResponse<String> broken = send("POST", "/api/modules", "application/java-archive",
                moduleJar("org.oko.it.broken", null, Map.of("OKO-INF/forms/broken.json",
                        "{\"id\":\"it-broken\",\"version\":1,\"title\":\"Б\",\"sections\":[{\"id\":\"s\",\"title\":\"С\",\"items\":"
                                + "[{\"code\":\"x\",\"label\":\"Х\",\"type\":\"money\"}]}]}")));
        assertEquals(broken.body(), 201, broken.statusCode());
        JsonNode module = module("org.oko.it.broken");
        assertTrue(module.toString(), module.get("problems").toString().contains("unknown type 'money'"));
        assertEquals("DEGRADED", JSON.readTree(get("/api/health").body()).get("status").asText());

        // An activator that cannot be loaded, and one that throws: installed, not started, and the module list says why.
        HttpResponse<String> missing = send("POST", "/api/modules", "application/java-archive",
                moduleJar("org.oko.it.missing", "org.oko.it.NoSuchActivator", Map.of()));
        assertEquals(missing.body(), 409, missing.statusCode());
        assertTrue(missing.body(), missing.body().contains("NoSuchActivator"));
        assertTrue(module("org.oko.it.missing").get("problems").toString(),
                module("org.oko.it.missing").get("problems").toString().contains("NoSuchActivator"));
        HttpResponse<String> throwing = send("POST", "/api/modules", "application/java-archive", throwingModule());
        assertEquals(throwing.body(), 409, throwing.statusCode());
        assertTrue(throwing.body(), throwing.body().contains(ThrowingActivator.MESSAGE));
        JsonNode failed = module("org.oko.it.throwing");
        assertEquals("RESOLVED", failed.get("state").asText());
        assertTrue(failed.toString(), failed.get("problems").toString().contains("does not start")
                && failed.get("problems").toString().contains(ThrowingActivator.MESSAGE));
        // A start through the API fails the same way and says so again.
        assertEquals(409, send("POST", "/api/modules/org.oko.it.throwing/start", "application/json", new byte[0]).statusCode());
        assertTrue(module("org.oko.it.throwing").get("problems").toString().contains(ThrowingActivator.MESSAGE));

        // A module built against another OKO's API is refused before anything is installed, the package named.
        Map<String, String> otherOko = new TreeMap<>(Map.of("Bundle-SymbolicName", "org.oko.it.otheroko", "Bundle-Version", "1.0.0",
                "Oko-Module", "procedure", "Import-Package", "org.oko.tables.api;version=\"[9.0,10)\",org.osgi.framework"));
        HttpResponse<String> unfit = send("POST", "/api/modules", "application/java-archive", jar(otherOko, Map.of()));
        assertEquals(unfit.body(), 400, unfit.statusCode());
        // The version this installation has, whatever it is now: the sentence names it.
        assertTrue(unfit.body(), unfit.body().matches("(?s).*org\\.oko\\.tables\\.api версии \\[9\\.0\\.0,10\\.0\\.0\\), а в этой установке \\[\\d+\\.\\d+\\.\\d+\\].*"));
        assertFalse(get("/api/modules").body(), get("/api/modules").body().contains("org.oko.it.otheroko"));

        // Everything else works: forms, the catalog, and the core bundles were not touched.
        waitForForm("it-healthy", 1, true);
        assertEquals(200, get("/api/catalog/region").statusCode());
        core.assertUntouched("uploading a broken and a throwing module");

        assertEquals(204, send("DELETE", "/api/modules/org.oko.it.broken", "application/json", new byte[0]).statusCode());
        assertEquals(204, send("DELETE", "/api/modules/org.oko.it.throwing", "application/json", new byte[0]).statusCode());
        assertEquals(204, send("DELETE", "/api/modules/org.oko.it.missing", "application/json", new byte[0]).statusCode());
        assertFalse(get("/api/modules").body().contains("org.oko.it.broken"));
        core.assertUntouchedBesidesModuleRefreshes("removing the broken modules", 3);
    }

    @Test
    public void uploadsThatAreNotOkoModulesAreRefused() throws Exception {
        HttpResponse<String> notJar = send("POST", "/api/modules", "application/java-archive", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notJar.statusCode());
        HttpResponse<String> core = send("POST", "/api/modules", "application/java-archive", jar(Map.of(
                "Bundle-SymbolicName", "org.oko.it.core", "Oko-Module", "core"), Map.of()));
        assertEquals(400, core.statusCode());
        assertEquals(409, send("POST", "/api/modules/org.oko.platform/stop", "application/json", new byte[0]).statusCode());
    }

    // --- helpers ---

    private Path deployFolder() {
        return Path.of(System.getProperty("karaf.base"), "deploy");
    }

    private Path drop(String name, String json) throws Exception {
        Path temporary = Files.createTempFile(deployFolder(), ".it-", ".tmp");
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
        Path file = Files.move(temporary, deployFolder().resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        dropped.add(file);
        return file;
    }

    private static String waitForProblem(String source) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            String problems = get("/api/forms/problems").body();
            if (problems.contains(source)) {
                return problems;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no problem reported for " + source);
    }

    private static JsonNode module(String symbolicName) throws Exception {
        for (JsonNode module : JSON.readTree(get("/api/modules").body())) {
            if (module.get("symbolicName").asText().equals(symbolicName)) {
                return module;
            }
        }
        throw new AssertionError("no module " + symbolicName);
    }

    private CoreWatch watchCore() {
        CoreWatch watch = CoreWatch.start(context);
        watches.add(watch);
        return watch;
    }

    /** FileInstall uninstalls a deleted jar's bundle a poll or two after its forms are withdrawn. */
    private void waitUntilGone(String symbolicName) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (get("/api/modules").body().contains("\"" + symbolicName + "\"")) {
            assertTrue(symbolicName + " still installed", System.currentTimeMillis() < deadline);
            Thread.sleep(100);
        }
    }

    /** A module whose activator (a real class, copied from the test classes) throws on start. */
    private static byte[] throwingModule() throws Exception {
        Map<String, String> headers = new TreeMap<>(Map.of("Bundle-SymbolicName", "org.oko.it.throwing", "Bundle-Version", "1.0.0",
                "Oko-Module", "form", "Bundle-Activator", ThrowingActivator.class.getName(), "Import-Package", "org.osgi.framework"));
        String entry = ThrowingActivator.class.getName().replace('.', '/') + ".class";
        byte[] code;
        try (java.io.InputStream in = ThrowingActivator.class.getClassLoader().getResourceAsStream(entry)) {
            code = in.readAllBytes();
        }
        return jar(headers, Map.of(), Map.of(entry, code));
    }
}
