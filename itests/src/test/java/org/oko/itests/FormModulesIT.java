package org.oko.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
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

    @After
    public void removeDroppedFiles() throws Exception {
        for (Path file : dropped) {
            Files.deleteIfExists(file);
        }
        for (String module : List.of("org.oko.it.broken", "org.oko.it.throwing")) {
            send("DELETE", "/api/modules/" + module, "application/json", new byte[0]);
        }
    }

    @Test
    public void shippedModuleIsRemovedInstalledStoppedAndStartedWithoutTouchingTheCore() throws Exception {
        JsonNode shipped = waitForForm("miac-1", 1, true);
        assertEquals("org.oko.form.miac1", shipped.get("source").asText());
        Map<Long, String> core = coreBundles();

        assertEquals(204, send("DELETE", "/api/modules/org.oko.form.miac1", "application/json", new byte[0]).statusCode());
        waitForForm("miac-1", 1, false);
        assertEquals("a removed module's definition stays readable", 200, get("/api/forms/miac-1/1").statusCode());

        HttpResponse<String> installed = sendJson("POST", "/api/modules", Map.of("feature", "oko-form-miac-1"));
        assertEquals(installed.body(), 201, installed.statusCode());
        assertEquals("ACTIVE", JSON.readTree(installed.body()).get("state").asText());
        waitForForm("miac-1", 1, true);

        assertEquals(200, send("POST", "/api/modules/org.oko.form.miac1/stop", "application/json", new byte[0]).statusCode());
        waitForForm("miac-1", 1, false);
        assertEquals(200, send("POST", "/api/modules/org.oko.form.miac1/start", "application/json", new byte[0]).statusCode());
        waitForForm("miac-1", 1, true);

        assertEquals("no core bundle was refreshed or restarted", core, coreBundles());
    }

    @Test
    public void definitionDroppedIntoDeployBecomesALiveFormAndLeavesWithTheFile() throws Exception {
        Path file = drop("it-deploy.json", definition("it-deploy", 1, "Форма из папки deploy"));
        JsonNode form = waitForForm("it-deploy", 1, true);
        assertEquals("deploy:it-deploy.json", form.get("source").asText());
        assertEquals("Форма из папки deploy", JSON.readTree(get("/api/forms/it-deploy/1").body()).get("title").get("ru").asText());

        Files.delete(file);
        JsonNode gone = waitForForm("it-deploy", 1, false);
        assertFalse("known but unavailable: its submissions and exports stay", gone.get("available").asBoolean());
        assertEquals(200, get("/api/forms/it-deploy/1").statusCode());
    }

    @Test
    public void moduleJarDroppedIntoDeployBringsItsFormsAndTakesThemAlong() throws Exception {
        byte[] jar = moduleJar("org.oko.it.dropped", null,
                Map.of("OKO-INF/forms/it-dropped.json", definition("it-dropped", 1, "Форма из модуля в deploy")));
        Path temporary = Files.createTempFile(deployFolder(), ".it-", ".tmp");
        Files.write(temporary, jar);
        Path file = Files.move(temporary, deployFolder().resolve("it-dropped-module.jar"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        dropped.add(file);
        assertEquals("org.oko.it.dropped", waitForForm("it-dropped", 1, true).get("source").asText());
        assertEquals("ACTIVE", module("org.oko.it.dropped").get("state").asText());
        Files.delete(file);
        waitForForm("it-dropped", 1, false);
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
    }

    @Test
    public void screensOfAModuleComeAndGoWithItAndBadOnesAreReported() throws Exception {
        String screens = "{\"screens\":[{\"path\":\"it-screen\",\"title\":{\"ru\":\"Экран модуля\"},\"roles\":[\"ADMINISTRATOR\"],"
                + "\"module\":\"screen.js\"}]}";
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

        assertEquals(204, send("DELETE", "/api/modules/org.oko.it.screen", "application/json", new byte[0]).statusCode());
        assertEquals(204, send("DELETE", "/api/modules/org.oko.it.clash", "application/json", new byte[0]).statusCode());
        assertFalse(screenUrls().toString(), screenUrls().contains("/ext/org.oko.it.screen/screen.js"));
        assertEquals(404, get("/ext/org.oko.it.screen/screen.js").statusCode());

        // The administrator's audit trail holds who installed and removed the modules, newest first.
        JsonNode trail = JSON.readTree(get("/api/audit?action=module.&max=50").body());
        List<String> lines = new java.util.ArrayList<>();
        trail.forEach(e -> lines.add(e.get("action").asText() + " " + e.get("target").asText() + " " + e.get("actor").asText()));
        int removed = lines.indexOf("module.remove org.oko.it.clash admin");
        int added = lines.indexOf("module.install org.oko.it.screen admin");
        assertTrue(lines.toString(), removed >= 0 && added > removed && lines.contains("module.remove org.oko.it.screen admin"));
    }

    private static List<String> screenUrls() throws Exception {
        List<String> urls = new ArrayList<>();
        JSON.readTree(get("/api/ui/extensions").body()).forEach(screen -> urls.add(screen.get("url").asText()));
        return urls;
    }

    @Test
    public void brokenModulesAreReportedAndTheRestKeepsWorking() throws Exception {
        Map<Long, String> coreBefore = coreBundles();
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

        // An activation that throws: the module stays installed, not started, and says why.
        HttpResponse<String> throwing = send("POST", "/api/modules", "application/java-archive",
                moduleJar("org.oko.it.throwing", "org.oko.it.NoSuchActivator", Map.of()));
        assertEquals(throwing.body(), 409, throwing.statusCode());
        assertTrue(throwing.body(), throwing.body().contains("NoSuchActivator"));
        assertFalse("ACTIVE".equals(module("org.oko.it.throwing").get("state").asText()));

        // Everything else works: forms, the catalog, and the core bundles were not touched.
        waitForForm("it-healthy", 1, true);
        assertEquals(200, get("/api/catalog/region").statusCode());
        assertEquals(coreBefore, coreBundles());

        assertEquals(204, send("DELETE", "/api/modules/org.oko.it.broken", "application/json", new byte[0]).statusCode());
        assertEquals(204, send("DELETE", "/api/modules/org.oko.it.throwing", "application/json", new byte[0]).statusCode());
        assertFalse(get("/api/modules").body().contains("org.oko.it.broken"));
        assertEquals(coreBefore, coreBundles());
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

    static String definition(String id, int version, String title) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"title\":{\"ru\":\"" + title + "\",\"en\":\"Test form\"},"
                + "\"sections\":[{\"id\":\"main\",\"title\":\"Основное\",\"items\":["
                + "{\"code\":\"pupils_total\",\"label\":\"Обучающихся всего\",\"type\":\"integer\",\"required\":true,\"min\":0},"
                + "{\"code\":\"girls\",\"label\":\"Из них девочек\",\"type\":\"integer\",\"min\":0}]}],"
                + "\"rules\":[{\"id\":\"girls_le_total\",\"check\":\"girls <= pupils_total\",\"severity\":\"error\","
                + "\"message\":{\"ru\":\"Девочек не может быть больше, чем обучающихся\",\"en\":\"Girls cannot exceed pupils\"},"
                + "\"fields\":[\"girls\"]}]}";
    }

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

    /** Polls /api/forms until the version is there with the wanted availability. */
    static JsonNode waitForForm(String id, int version, boolean available) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode found = null;
        while (System.currentTimeMillis() < deadline) {
            found = null;
            for (JsonNode form : JSON.readTree(get("/api/forms").body())) {
                if (form.get("id").asText().equals(id) && form.get("version").asInt() == version) {
                    found = form;
                }
            }
            if (found != null && found.get("available").asBoolean() == available) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + "@" + version + " not " + (available ? "available" : "unavailable") + ": " + found
                + "; problems: " + get("/api/forms/problems").body());
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

    /** Id → location, state and last modification of every core bundle: a refresh or restart changes them. */
    private Map<Long, String> coreBundles() {
        Map<Long, String> core = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            String kind = bundle.getHeaders("").get("Oko-Module");
            boolean shared = bundle.getSymbolicName() != null && (bundle.getSymbolicName().startsWith("org.apache.cxf")
                    || bundle.getSymbolicName().startsWith("com.fasterxml.jackson") || bundle.getSymbolicName().contains("persistence"));
            if ("core".equals(kind) || shared) {
                core.put(bundle.getBundleId(), bundle.getSymbolicName() + " " + bundle.getState() + " " + bundle.getLastModified());
            }
        }
        return core;
    }

    static byte[] moduleJar(String symbolicName, String activator, Map<String, String> entries) throws Exception {
        Map<String, String> headers = new TreeMap<>(Map.of("Bundle-SymbolicName", symbolicName, "Bundle-Version", "1.0.0",
                "Bundle-Name", "IT module " + symbolicName, "Oko-Module", "form"));
        if (activator != null) {
            headers.put("Bundle-Activator", activator);
        }
        return jar(headers, entries);
    }

    private static byte[] jar(Map<String, String> headers, Map<String, String> entries) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        headers.forEach(manifest.getMainAttributes()::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            java.util.Set<String> folders = new java.util.TreeSet<>();
            for (String name : entries.keySet()) {
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    folders.add(name.substring(0, slash + 1));
                }
            }
            for (String folder : folders) { // as jar tools write them; the framework lists entries through them
                jar.putNextEntry(new JarEntry(folder));
                jar.closeEntry();
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
