package org.oko.itests.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.oko.itests.platform.sharednotes.SharedNotesActivator;
import org.oko.itests.platform.sharednotes.SharedNotesResource;
import org.oko.itests.support.ModuleJars;
import org.oko.itests.support.OkoHttp;
import org.oko.itests.support.OkoLauncher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reuse by another region (issue 19): two OKO installations as real processes. The first publishes a
 * module, in two versions, into its own repository on loopback; the second adds that repository by
 * URL, installs the module from it unchanged and live, upgrades it (its declarative step applied, the
 * data kept), rolls back (data kept) and upgrades again; a module built against another OKO's API is
 * refused before anything is installed; no core bundle of the second is refreshed or restarted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModuleRepositoryIT {

    private static final int PUBLISHER_PORT = 18781;
    private static final int REGION_PORT = 18881;
    private static final String FEATURE = "oko-it-shared";
    private static final String MODULE = "org.oko.it.shared";
    /** Core services whose ids change if their bundle is refreshed or restarted. */
    private static final List<String> CORE_SERVICES = List.of("org.oko.platform.api.HealthService",
            "org.oko.catalog.api.CatalogService", "org.oko.forms.api.FormRegistry");

    private final OkoLauncher publisher = new OkoLauncher("repository-publisher");
    private final OkoLauncher region = new OkoLauncher("repository-region");
    private final OkoHttp publisherApi = new OkoHttp(PUBLISHER_PORT);
    private final OkoHttp regionApi = new OkoHttp(REGION_PORT);
    private final String repository = "http://127.0.0.1:" + PUBLISHER_PORT + "/api/module-repositories/published/";
    private Map<String, String> coreServiceIds;

    @BeforeAll
    void startBoth() throws Exception {
        start(publisher, PUBLISHER_PORT, 18701, 11799, 45145);
        start(region, REGION_PORT, 18801, 11899, 45245);
        publisherApi.loginAdmin(publisher.home());
        regionApi.loginAdmin(region.home());
        coreServiceIds = coreServiceIds();
    }

    @AfterAll
    void stopBoth() throws Exception {
        publisher.run("stop");
        region.run("stop");
    }

    @Test
    @Order(1)
    void theFirstInstallationPublishesTwoVersionsIntoItsRepository() throws Exception {
        for (byte[] kar : List.of(sharedKar("1.0.0"), sharedKar("1.1.0"), otherOkoKar())) {
            HttpResponse<String> published = publisherApi.upload("/api/module-repositories/published", "application/octet-stream", kar);
            assertEquals(201, published.statusCode(), published.body());
        }
        // Anyone reads the repository: another installation needs no account here.
        HttpResponse<String> index = new OkoHttp(PUBLISHER_PORT).get("/api/module-repositories/published/oko-modules.json");
        assertEquals(200, index.statusCode(), index.body());
        JsonNode modules = OkoHttp.JSON.readTree(index.body()).get("modules");
        assertEquals(List.of("oko-it-other 1.0.0", "oko-it-shared 1.0.0", "oko-it-shared 1.1.0"), names(modules));
        String kar = modules.get(1).get("kar").asText();
        assertTrue(kar.startsWith("org/oko/it/oko-it-shared/1.0.0/"), kar);
        assertEquals(200, new OkoHttp(PUBLISHER_PORT).get("/api/module-repositories/published/" + kar).statusCode());
        assertEquals(404, new OkoHttp(PUBLISHER_PORT).get("/api/module-repositories/published/../etc/oko-admin.password").statusCode());
        // Publishing is the administrator's: without a session it is refused.
        assertEquals(401, new OkoHttp(PUBLISHER_PORT).upload("/api/module-repositories/published", "application/octet-stream",
                sharedKar("9.0.0")).statusCode());
    }

    @Test
    @Order(2)
    void theSecondAddsTheRepositoryAndSeesItsModules() throws Exception {
        HttpResponse<String> bad = regionApi.post("/api/module-repositories", Map.of("url", "http://127.0.0.1:1/nothing/"));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("не читается"), bad.body());
        HttpResponse<String> added = regionApi.post("/api/module-repositories", Map.of("url", repository));
        assertEquals(201, added.statusCode(), added.body());
        JsonNode listed = OkoHttp.JSON.readTree(regionApi.get("/api/module-repositories").body());
        assertEquals(repository, listed.get(0).get("url").asText());

        JsonNode offers = offers(repository);
        assertEquals(List.of("oko-it-other 1.0.0", "oko-it-shared 1.0.0", "oko-it-shared 1.1.0"), names(offers));
        assertEquals("OKO IT shared notes", offers.get(1).get("name").asText());
        assertEquals("Shared notes 1.1.0: a module moved between regions", offers.get(2).get("description").asText());
        assertTrue(offers.get(1).get("installedVersion").isNull());

        // The build's own repository (features/target/module-repository) offers the shipped modules,
        // which this installation has from its distribution.
        String built = Path.of(System.getProperty("oko.module.repository")).toAbsolutePath().normalize().toUri().toString();
        JsonNode shipped = offers(built);
        assertEquals(List.of("oko-form-miac-1 " + System.getProperty("oko.version"), "oko-vpr " + System.getProperty("oko.version")),
                names(shipped));
        assertEquals(System.getProperty("oko.version"), shipped.get(1).get("installedVersion").asText());
    }

    @Test
    @Order(3)
    void aModuleBuiltForAnotherOkoIsRefusedBeforeAnythingIsInstalled() throws Exception {
        HttpResponse<String> refused = install("oko-it-other", "1.0.0");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("org.oko.platform.api") && refused.body().contains("[9.0.0,10.0.0)"), refused.body());
        assertTrue(refused.body().contains("ничего не установлено"), refused.body());
        assertFalse(regionApi.get("/api/modules").body().contains("org.oko.it.other"));
        assertTrue(offers(repository).get(0).get("installedVersion").isNull());
    }

    @Test
    @Order(4)
    void installedLiveUpgradedWithItsStepRolledBackAndUpgradedAgainWithTheDataKept() throws Exception {
        HttpResponse<String> installed = install(FEATURE, "1.0.0");
        assertEquals(201, installed.statusCode(), installed.body());
        JsonNode outcome = OkoHttp.JSON.readTree(installed.body());
        assertEquals("install", outcome.get("action").asText());
        assertEquals("ACTIVE", outcome.get("module").get("state").asText());
        JsonNode notes = notes();
        assertEquals("1.0.0", notes.get("version").asText());
        assertEquals(List.of("shipped with 1.0.0"), texts(notes));
        assertEquals(200, regionApi.send("POST", "/api/it-shared", "text/plain", "typed in 1.0.0").statusCode());
        assertEquals(List.of("001-notes.sql"), steps());

        // Upgrade: the new version's step adds a column and fills it from the data already there.
        HttpResponse<String> upgraded = install(FEATURE, "1.1.0");
        assertEquals(201, upgraded.statusCode(), upgraded.body());
        outcome = OkoHttp.JSON.readTree(upgraded.body());
        assertEquals("upgrade", outcome.get("action").asText());
        assertEquals("1.0.0", outcome.get("previousVersion").asText());
        notes = notes();
        assertEquals("1.1.0", notes.get("version").asText());
        assertEquals(List.of("shipped with 1.0.0", "typed in 1.0.0"), texts(notes));
        assertEquals(List.of("module", "user"), column(notes, "SOURCE"));
        assertEquals(List.of("001-notes.sql", "002-note-source.sql"), steps());
        assertEquals("1.1.0", offers(repository).get(2).get("installedVersion").asText());

        // Rollback: the earlier version again, from the archive kept at its install; the data stays.
        HttpResponse<String> rolledBack = regionApi.post("/api/module-repositories/rollback", Map.of("feature", FEATURE));
        assertEquals(200, rolledBack.statusCode(), rolledBack.body());
        assertEquals("rollback", OkoHttp.JSON.readTree(rolledBack.body()).get("action").asText());
        notes = notes();
        assertEquals("1.0.0", notes.get("version").asText());
        assertEquals(List.of("shipped with 1.0.0", "typed in 1.0.0"), texts(notes));
        assertEquals(200, regionApi.send("POST", "/api/it-shared", "text/plain", "typed in 1.0.0 again").statusCode());

        // Upgrade again: the step already applied is not run twice.
        assertEquals(201, install(FEATURE, "1.1.0").statusCode());
        notes = notes();
        assertEquals(List.of("shipped with 1.0.0", "typed in 1.0.0", "typed in 1.0.0 again"), texts(notes));
        assertEquals(List.of("module", "user", "user"), column(notes, "SOURCE"));
        assertEquals(List.of("001-notes.sql", "002-note-source.sql"), steps());
        assertEquals(409, install(FEATURE, "1.1.0").statusCode(), "the installed version again");

        JsonNode history = OkoHttp.JSON.readTree(regionApi.get("/api/module-repositories/history").body());
        List<String> actions = new ArrayList<>();
        history.forEach(h -> actions.add(h.get("action").asText() + " " + h.get("version").asText()));
        assertEquals(List.of("upgrade 1.1.0", "rollback 1.0.0", "upgrade 1.1.0", "install 1.0.0"), actions);
    }

    @Test
    @Order(5)
    void theSecondInstallationKeptRunningAndItsCoreWasNotTouched() throws Exception {
        assertEquals(coreServiceIds, coreServiceIds(), "core services registered once: no core bundle refreshed or restarted");
        JsonNode health = regionApi.health();
        assertEquals("UP", health.get("status").asText());
        assertEquals(1, health.get("database").get("starts").asLong(), "no restart");
        OkoLauncher.Result shell = region.run("client", "oko:module-offers", repository);
        assertEquals(0, shell.exitCode(), shell.output());
        assertTrue(shell.output().contains("oko-it-shared 1.1.0") && shell.output().contains("[installed 1.1.0]"), shell.output());

        // Removing the repository keeps what was installed from it.
        HttpResponse<String> removed = regionApi.send("DELETE", "/api/module-repositories?url="
                + java.net.URLEncoder.encode(repository, StandardCharsets.UTF_8), "application/json", "");
        assertEquals(204, removed.statusCode(), removed.body());
        assertEquals("[]", regionApi.get("/api/module-repositories").body());
        assertEquals("1.1.0", notes().get("version").asText());
    }

    private void start(OkoLauncher oko, int http, int ssh, int rmiRegistry, int rmiServer) throws Exception {
        oko.installFresh(ssh, rmiRegistry, rmiServer, "--no-demo");
        oko.start(http, "--no-demo");
    }

    private HttpResponse<String> install(String feature, String version) throws Exception {
        return regionApi.post("/api/module-repositories/install", Map.of("repository", repository, "feature", feature, "version", version));
    }

    private JsonNode offers(String url) throws Exception {
        HttpResponse<String> response = regionApi.get("/api/module-repositories/modules?url="
                + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return OkoHttp.JSON.readTree(response.body());
    }

    private JsonNode notes() throws Exception {
        HttpResponse<String> response = regionApi.get("/api/it-shared");
        assertEquals(200, response.statusCode(), response.body());
        return OkoHttp.JSON.readTree(response.body());
    }

    private List<String> steps() throws Exception {
        JsonNode steps = OkoHttp.JSON.readTree(regionApi.get("/api/module-repositories/steps?module=" + MODULE).body());
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode notes) {
        return column(notes, "TEXT");
    }

    private static List<String> column(JsonNode notes, String column) {
        List<String> values = new ArrayList<>();
        notes.get("notes").forEach(n -> values.add(n.get(column).asText()));
        return values;
    }

    private static List<String> names(JsonNode modules) {
        List<String> names = new ArrayList<>();
        modules.forEach(m -> names.add(m.get("feature").asText() + " " + m.get("version").asText()));
        return names;
    }

    /** The service ids of a few core services, through the second installation's console. */
    private Map<String, String> coreServiceIds() throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        Pattern id = Pattern.compile("service\\.id = (\\d+)");
        for (String service : CORE_SERVICES) {
            OkoLauncher.Result listed = region.run("client", "service:list", service);
            Matcher m = id.matcher(listed.output());
            assertTrue(m.find(), service + ": " + listed.output());
            ids.put(service, m.group(1));
        }
        return ids;
    }

    /** The shared notes module as its region's build would publish it: a KAR with its feature and bundle. */
    private static byte[] sharedKar(String version) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("OKO-INF/upgrade/001-notes.sql", ("CREATE TABLE IT_SHARED_NOTE (ID INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                + "  TEXT VARCHAR(200) NOT NULL);\nINSERT INTO IT_SHARED_NOTE (TEXT) VALUES ('shipped with 1.0.0');\n")
                .getBytes(StandardCharsets.UTF_8));
        if (!version.equals("1.0.0")) {
            entries.put("OKO-INF/upgrade/002-note-source.sql", ("-- where a note came from, for the notes already there too\n"
                    + "ALTER TABLE IT_SHARED_NOTE ADD COLUMN SOURCE VARCHAR(20) NOT NULL DEFAULT 'user';\n"
                    + "UPDATE IT_SHARED_NOTE SET SOURCE = 'module' WHERE TEXT LIKE 'shipped%';\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Class<?> type : List.of(SharedNotesActivator.class, SharedNotesResource.class)) {
            String entry = type.getName().replace('.', '/') + ".class";
            try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                entries.put(entry, in.readAllBytes());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-SymbolicName", MODULE);
        headers.put("Bundle-Version", version);
        headers.put("Bundle-Name", "OKO IT shared notes");
        headers.put("Oko-Module", "procedure");
        headers.put("Bundle-Activator", SharedNotesActivator.class.getName());
        headers.put("Import-Package", "javax.sql,javax.ws.rs;version=\"[2,3)\",org.osgi.framework;version=\"[1.8,2)\"");
        return kar(FEATURE, version, "Shared notes " + version + ": a module moved between regions", headers, entries);
    }

    /** A module built against an OKO whose platform API is at 9: nothing of it may be installed here. */
    private static byte[] otherOkoKar() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-SymbolicName", "org.oko.it.other");
        headers.put("Bundle-Version", "1.0.0");
        headers.put("Oko-Module", "procedure");
        headers.put("Import-Package", "org.oko.platform.api;version=\"[9.0,10)\",org.osgi.framework");
        return kar("oko-it-other", "1.0.0", "Built for another OKO", headers, Map.of());
    }

    private static byte[] kar(String feature, String version, String description, Map<String, String> headers,
                              Map<String, byte[]> entries) throws Exception {
        String artifact = "org/oko/it/" + feature + "/" + version + "/" + feature + "-" + version;
        String xml = "<features name=\"" + feature + "-" + version + "\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">"
                + "<feature name=\"" + feature + "\" version=\"" + version + "\" description=\"" + description + "\">"
                + "<feature dependency=\"true\" version=\"[0.1,1)\">oko-platform</feature>"
                + "<bundle>mvn:org.oko.it/" + feature + "/" + version + "</bundle></feature></features>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("repository/" + artifact + "-features.xml"));
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("repository/" + artifact + ".jar"));
            zip.write(ModuleJars.jar(headers, Map.of(), entries));
        }
        return bytes.toByteArray();
    }
}
