package org.oko.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.inject.Inject;

import org.junit.Before;
import org.oko.platform.api.Health;
import org.oko.platform.api.HealthService;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.oko.module.testing.OkoDistribution;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One OKO distribution (the built zip) booted by Pax Exam for every test class of the suite
 * (PerSuite), with its own ports. Tests start once the platform reports UP.
 */
public abstract class OkoContainerTest {

    protected static final int HTTP_PORT = OkoDistribution.HTTP_PORT;
    protected static final String BASE_URL = OkoDistribution.BASE_URL;
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // Waits until the platform, its database and its JPA unit are up.
    @Inject
    @Filter(timeout = 60_000)
    protected HealthService healthService;

    @Configuration
    public Option[] configuration() {
        // The distribution's own options are the module kit's (oko-module-testing), which modules' tests use too.
        java.util.List<Option> options = new java.util.ArrayList<>(java.util.Arrays.asList(OkoDistribution.options()));
        // What ArchetypeIT needs inside the container to run Maven as the outer build does.
        // ... and whether the suite runs on a PostgreSQL server (TestDatabase), for the tests that tell the two apart.
        for (String property : new String[] {"oko.maven.home", "oko.maven.repo.local", "oko.version", "oko.archetype.work",
                "oko.database.server"}) {
            if (System.getProperty(property) != null) {
                options.add(systemProperty(property).value(System.getProperty(property)));
            }
        }
        // The itests module's folder (failsafe's basedir), so that a test in the container reads the sources' samples.
        options.add(systemProperty(BASEDIR).value(System.getProperty("basedir", System.getProperty("user.dir"))));
        return options.toArray(Option[]::new);
    }

    private static final String BASEDIR = "oko.itests.basedir";

    /** Whether this suite runs on a PostgreSQL server rather than embedded Derby (read inside the container too). */
    protected static boolean onDatabaseServer() {
        String server = System.getProperty("oko.database.server");
        return server != null && !server.isBlank();
    }

    /** A file of the source tree, given relative to the itests module (e.g. {@code ../form-definitions/…}), read in the container. */
    protected static java.nio.file.Path sourceFile(String relative) {
        return java.nio.file.Path.of(System.getProperty(BASEDIR)).resolve(relative).normalize();
    }

    /** Set once the platform failed to come up, so that the rest of the suite fails at once instead of waiting again. */
    private static String bootFailure;

    /** Every test starts from a platform that reports UP: boot finished, database and JPA units ready. */
    @Before
    public void waitUntilUp() throws InterruptedException {
        if (bootFailure != null) {
            fail(bootFailure);
        }
        long deadline = System.currentTimeMillis() + 60_000;
        Health.Status status = healthService.health().status();
        while (status != Health.Status.UP && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            status = healthService.health().status();
        }
        if (status != Health.Status.UP) {
            bootFailure = "platform " + status + "; modules: " + healthService.health().modules()
                    + "\nwarnings and errors of karaf.log:\n" + logProblems();
            fail(bootFailure);
        }
    }

    /** The WARN and ERROR lines of the container's log (the last 40), for a post-mortem in CI output. */
    private static String logProblems() {
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        try (var lines = java.nio.file.Files.lines(log, StandardCharsets.UTF_8)) {
            java.util.List<String> problems = lines.filter(l -> l.contains("| WARN ") || l.contains("| ERROR ")
                    || l.startsWith("Caused by")).toList();
            return String.join("\n", problems.subList(Math.max(0, problems.size() - 40), problems.size()));
        } catch (java.io.IOException | RuntimeException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** A logged-in web session: its cookie and CSRF token. */
    public record WebSession(String cookie, String csrfToken) {
        public static final WebSession NONE = new WebSession(null, null);
    }

    private static WebSession admin;

    /** The first administrator, whose password the platform keeps in etc/oko-admin.password. */
    protected static synchronized WebSession admin() throws Exception {
        if (admin == null) {
            String password = java.nio.file.Files.readString(
                    java.nio.file.Path.of(System.getProperty("karaf.etc"), "oko-admin.password")).trim();
            admin = login("admin", password);
        }
        return admin;
    }

    protected static WebSession login(String login, String password) throws Exception {
        HttpResponse<String> response = send(WebSession.NONE, "POST", "/api/auth/login", "application/json",
                JSON.writeValueAsBytes(java.util.Map.of("login", login, "password", password)));
        assertEquals(response.body(), 200, response.statusCode());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return new WebSession(cookie, JSON.readTree(response.body()).get("csrfToken").asText());
    }

    /** A login attempt as a browser makes it, without a session: the answer, whatever its status. */
    protected static HttpResponse<String> loginResponse(String login, String password) throws Exception {
        return send(WebSession.NONE, "POST", "/api/auth/login", "application/json",
                JSON.writeValueAsBytes(java.util.Map.of("login", login, "password", password)));
    }

    protected static int loginStatus(String login, String password) throws Exception {
        return loginResponse(login, password).statusCode();
    }

    /** A municipal district and organisations under it, given as rows of the catalog's CSV columns, imported through REST. */
    protected static void organisations(String territory, String territoryName, String... rows) throws Exception {
        sendJson("POST", "/api/catalog/territories", java.util.Map.of("code", territory, "name", territoryName,
                "type", "MUNICIPAL_DISTRICT", "version", 0));
        String csv = "Код ОО;Тип организации;Полное наименование;Код территории;Тип учредителя;Код учредителя;Тип местности\n"
                + String.join("\n", rows);
        HttpResponse<String> imported = send("POST", "/api/catalog/import?name=" + territory + ".csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        org.junit.Assert.assertTrue(imported.body(), JSON.readTree(imported.body()).get("applied").asBoolean());
    }

    /** A new account as the administrator creates it (201 asserted): its one-time password. */
    protected static String createAccount(String login, String organisation, String role) throws Exception {
        HttpResponse<String> created = sendJson("POST", "/api/users",
                java.util.Map.of("login", login, "organisationCode", organisation, "roles", java.util.List.of(role)));
        assertEquals(created.body(), 201, created.statusCode());
        return JSON.readTree(created.body()).get("oneTimePassword").asText();
    }

    /** A new account with a password of its own: created by the administrator, the one-time password changed at first login. */
    protected static void account(String login, String organisation, String role, String password) throws Exception {
        String oneTime = createAccount(login, organisation, role);
        assertEquals(200, sendJson(login(login, oneTime), "POST", "/api/auth/password",
                java.util.Map.of("oldPassword", oneTime, "newPassword", password)).statusCode());
    }

    /** A PDF-looking body of the given size: the header the server checks, then filler. */
    protected static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, Math.min(header.length, size));
        for (int i = header.length; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    /** GET as the administrator. */
    protected static HttpResponse<String> get(String path) throws Exception {
        return get(admin(), path);
    }

    protected static HttpResponse<String> get(WebSession session, String path) throws Exception {
        return HTTP.send(request(session, path).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected static HttpResponse<byte[]> getBytes(String path) throws Exception {
        return getBytes(admin(), path);
    }

    protected static HttpResponse<byte[]> getBytes(WebSession session, String path) throws Exception {
        return HTTP.send(request(session, path).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A state-changing request as the administrator, with the CSRF token. */
    protected static HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        return send(admin(), method, path, contentType, body);
    }

    /** A request with a body; {@code headers} are further names and values. */
    protected static HttpResponse<String> send(WebSession session, String method, String path, String contentType, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder request = request(session, path).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (session.csrfToken() != null) {
            request.header("X-CSRF-Token", session.csrfToken());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A submission as the caller sees it (200 asserted), shared by the forms' tests. */
    protected static JsonNode view(WebSession session, long id) throws Exception {
        HttpResponse<String> response = get(session, "/api/submissions/" + id);
        assertEquals(response.body(), 200, response.statusCode());
        return JSON.readTree(response.body());
    }

    /** A submission's workflow action (submit, return, verify, lock, unlock…) answered with {@code status}; the answer. */
    protected static JsonNode transition(WebSession session, long id, String action, java.util.Map<String, ?> body, int status)
            throws Exception {
        HttpResponse<String> response = sendJson(session, "POST", "/api/submissions/" + id + "/" + action,
                body == null ? java.util.Map.of() : body);
        assertEquals(action + ": " + response.body(), status, response.statusCode());
        return JSON.readTree(response.body());
    }

    /** Polls /api/forms until the version is there with the wanted availability. */
    protected static JsonNode waitForForm(String id, int version, boolean available) throws Exception {
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

    protected static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    protected static HttpResponse<String> sendJson(String method, String path, Object body) throws Exception {
        return send(method, path, "application/json", JSON.writeValueAsBytes(body));
    }

    protected static HttpResponse<String> sendJson(WebSession session, String method, String path, Object body, String... headers) throws Exception {
        return send(session, method, path, "application/json", JSON.writeValueAsBytes(body), headers);
    }

    private static HttpRequest.Builder request(WebSession session, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + path));
        if (session.cookie() != null) {
            request.header("Cookie", session.cookie());
        }
        return request;
    }

    /**
     * An offered module (not installed at first start) installed at runtime unless another test did already:
     * {@code probe} is one of its endpoints, 404 while it is absent.
     */
    protected static void ensureModule(String feature, String probe) throws Exception {
        if (get(probe).statusCode() == 404) {
            HttpResponse<String> installed = sendJson("POST", "/api/modules", java.util.Map.of("feature", feature));
            assertEquals(installed.body(), 201, installed.statusCode());
            waitFor(probe, 200);
        }
    }

    /**
     * The job an import's answer started (202 with its id), read at {@code jobs + "/" + id} until it is DONE or
     * FAILED: every procedure module's imports are platform jobs answered the same way.
     */
    protected static JsonNode jobEnded(HttpResponse<String> started, String jobs) throws Exception {
        assertEquals(started.body(), 202, started.statusCode());
        String path = jobs + "/" + JSON.readTree(started.body()).get("id").asLong();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode job = JSON.readTree(get(path).body());
            if (job.get("state").asText().equals("DONE") || job.get("state").asText().equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not end: " + get(path).body());
    }

    protected static HttpResponse<String> waitFor(String path, int status) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        HttpResponse<String> response = get(path);
        while (response.statusCode() != status && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            response = get(path);
        }
        assertEquals(path, status, response.statusCode());
        return response;
    }

    /**
     * A compendium of one chapter source's chapter of {@code year} (a spec of its own, {@code it-<source>}), built
     * through the REST API as the administrator and read back as its workbook: each procedure's test checks its
     * chapter's totals against its own figures (CompendiumIT checks the whole demo compendium).
     */
    protected static org.apache.poi.xssf.usermodel.XSSFWorkbook compendiumOf(String source, int year) throws Exception {
        HttpResponse<String> spec = sendJson("POST", "/api/compendium/specs", java.util.Map.of("key", "it-" + source, "version", 1,
                "title", java.util.Map.of("ru", "Проверка главы " + source), "chapters", java.util.List.of(java.util.Map.of("source", source))));
        assertEquals(spec.body(), 201, spec.statusCode());
        JsonNode job = jobEnded(sendJson("POST", "/api/compendium/editions", java.util.Map.of("year", year, "spec", "it-" + source)),
                "/api/compendium/jobs");
        assertEquals(job.toString(), "DONE", job.get("state").asText());
        HttpResponse<byte[]> xlsx = getBytes("/api/compendium/editions/" + job.get("edition").asLong() + "/compendium.xlsx");
        assertEquals(200, xlsx.statusCode());
        return new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()));
    }

    /** A compendium table's row of the region's totals (its label «Регион»). */
    protected static org.apache.poi.ss.usermodel.Row regionRow(org.apache.poi.ss.usermodel.Sheet table) {
        for (org.apache.poi.ss.usermodel.Row row : table) {
            if (row.getCell(0) != null && "Регион".equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no region row in " + table.getSheetName());
    }

    /**
     * The public school catalogue publishes {@code procedures} (comma-separated) with groups of at least {@code minGroup}
     * ({@code etc/org.oko.publication.cfg} through ConfigAdmin) until the answer is closed, which puts the earlier
     * settings back. ConfigAdmin applies it a moment later: see {@link #awaitStatus}.
     */
    protected static AutoCloseable publishInCatalogue(String procedures, int minGroup) throws Exception {
        org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(OkoContainerTest.class).getBundleContext();
        org.osgi.service.cm.ConfigurationAdmin admin = context.getService(context.getServiceReference(org.osgi.service.cm.ConfigurationAdmin.class));
        org.osgi.service.cm.Configuration configuration = admin.getConfiguration("org.oko.publication", null);
        java.util.Dictionary<String, Object> before = configuration.getProperties();
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        if (before != null) {
            java.util.Collections.list(before.keys()).forEach(key -> properties.put(key, before.get(key)));
        }
        properties.put("procedures", procedures);
        properties.put("min.group", String.valueOf(minGroup));
        configuration.update(properties);
        return () -> configuration.update(before == null ? new java.util.Hashtable<>() : before);
    }

    /**
     * GETs {@code path} until it answers 200 with {@code text} in its body, at most 20 s: the public catalogue reads the
     * catalog at most every 10 s, so a school a test has just written shows a moment later.
     */
    protected static HttpResponse<String> awaitBody(WebSession session, String path, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        HttpResponse<String> answer = get(session, path);
        while ((answer.statusCode() != 200 || !answer.body().contains(text)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            answer = get(session, path);
        }
        assertEquals(path + ": " + answer.body(), 200, answer.statusCode());
        assertTrue(path + " without " + text + ": " + answer.body(), answer.body().contains(text));
        return answer;
    }

    /** GETs {@code path} until it answers {@code status} (settings, modules and caches of 10 s apply a moment later), at most 20 s. */
    protected static HttpResponse<String> awaitStatus(WebSession session, String path, int status) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        HttpResponse<String> answer = get(session, path);
        while (answer.statusCode() != status && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            answer = get(session, path);
        }
        assertEquals(path + ": " + answer.body(), status, answer.statusCode());
        return answer;
    }
}
