package org.oko.module.testing;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ops4j.pax.exam.ExamSystem;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OKO distribution running with the module under test, for a test that talks to it over HTTP
 * as the web UI does. Pax Exam starts Karaf as a process of its own (no probe in the container: the
 * test is a client); the module's jar ({@code oko.module.bundle}) is installed at boot.
 *
 * <pre>
 * try (OkoRuntime oko = OkoRuntime.start(OkoRuntime.demoData())) {
 *     assertEquals(200, oko.get("/api/sample/specs").statusCode());
 * }
 * </pre>
 */
public final class OkoRuntime implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOOT = Duration.ofSeconds(120);

    private final TestContainer container;
    private final Path home;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String cookie;
    private String csrf;

    private OkoRuntime(TestContainer container, Path home) {
        this.container = container;
        this.home = home;
    }

    /** The demo region (territory 990100, schools 9901001 …) and demo accounts, as {@code ./oko run} has them. */
    public static Option demoData() {
        return editConfigurationFilePut("etc/org.oko.platform.cfg", "demo.data", "true");
    }

    /** Boots OKO with the module's bundle and the given options, waits until it is UP and logs the administrator in. */
    public static OkoRuntime start(Option... extra) throws Exception {
        List<Option> options = new ArrayList<>(Arrays.asList(OkoDistribution.options()));
        String module = System.getProperty("oko.module.bundle");
        if (module != null && !module.isBlank()) {
            options.add(bundle(new File(module).toURI().toString()).start());
        }
        options.addAll(Arrays.asList(extra));
        List<File> before = runs();
        ExamSystem system = PaxExamRuntime.createServerSystem(options.toArray(Option[]::new));
        TestContainer container = PaxExamRuntime.createContainer(system);
        container.start();
        OkoRuntime oko = new OkoRuntime(container, newRun(before));
        try {
            oko.awaitUp();
            oko.login("admin", Files.readString(oko.home.resolve("etc/oko-admin.password")).trim());
            return oko;
        } catch (Exception | AssertionError e) {
            oko.close();
            throw e;
        }
    }

    /** The Karaf home of this run (its {@code data/log/karaf.log} for a post-mortem). */
    public Path home() {
        return home;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A state-changing request with the session's CSRF token. */
    public HttpResponse<String> send(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> sendJson(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, path, "application/json", JSON.writeValueAsBytes(body));
    }

    /** Logs in as another account; later requests are that account's. */
    public void login(String login, String password) throws IOException, InterruptedException {
        cookie = null;
        csrf = null;
        HttpResponse<String> response = sendJson("POST", "/api/auth/login", Map.of("login", login, "password", password));
        if (response.statusCode() != 200) {
            throw new AssertionError("login " + login + ": " + response.statusCode() + " " + response.body());
        }
        cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        csrf = JSON.readTree(response.body()).get("csrfToken").asText();
    }

    /** Polls a job (the JSON of {@code Job.toMap()}) until it has ended ({@code finished} set). */
    public JsonNode awaitJob(String path) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode job = getJson(path);
        while (job.path("finished").isNull() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            job = getJson(path);
        }
        return job;
    }

    @Override
    public void close() throws Exception {
        container.stop();
    }

    private void awaitUp() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + BOOT.toMillis();
        String last = "no answer";
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> health = get("/api/health");
                last = health.body();
                if (health.statusCode() == 200 && "UP".equals(JSON.readTree(last).path("status").asText())) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("OKO did not come UP within " + BOOT.toSeconds() + " s: " + last
                + "\n(see " + home.resolve("data/log/karaf.log") + ")");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(OkoDistribution.BASE_URL + path))
                .timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }

    private static List<File> runs() {
        File[] runs = OkoDistribution.unpackDirectory().listFiles(File::isDirectory);
        return runs == null ? List.of() : Arrays.asList(runs);
    }

    /** Pax Exam unpacks each run into a new folder named by a UUID: the one that was not there before. */
    private static Path newRun(List<File> before) {
        return runs().stream().filter(run -> !before.contains(run)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no new Karaf home under " + OkoDistribution.unpackDirectory()))
                .toPath();
    }
}
