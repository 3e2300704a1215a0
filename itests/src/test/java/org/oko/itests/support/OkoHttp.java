package org.oko.itests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A REST client of an OKO started by {@link OkoLauncher}: its administrator's session over real HTTP. */
public final class OkoHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private String cookie;
    private String csrf;

    public OkoHttp(int port) {
        this(port, Duration.ofSeconds(120));
    }

    /** With a shorter wait for each answer, for tests that poll a server coming or going. */
    public OkoHttp(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /** A client logged in as "admin" of the installation in {@code home}, served on {@code port}. */
    public static OkoHttp admin(int port, Path home) throws IOException, InterruptedException {
        OkoHttp http = new OkoHttp(port);
        http.loginAdmin(home);
        return http;
    }

    /** Logs in as "admin" with the password the launcher wrote into the installation. */
    public void loginAdmin(Path home) throws IOException, InterruptedException {
        login("admin", Files.readString(home.resolve("etc/oko-admin.password")).trim());
    }

    /** Logs in (200 asserted); later requests go with this session. */
    public OkoHttp login(String login, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/auth/login", Map.of("login", login, "password", password));
        assertEquals(200, response.statusCode(), response.body());
        cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        csrf = JSON.readTree(response.body()).get("csrfToken").asText();
        return this;
    }

    /** {@code /api/health}, which answers without a session. */
    public JsonNode health() throws IOException, InterruptedException {
        return JSON.readTree(http.send(request("/api/health").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A file's bytes (a PDF, a workbook). */
    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Polls {@code path} until its body holds {@code text} (asserted within {@code seconds}); the body. */
    public String waitForText(String path, String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        String body = get(path).body();
        while (!body.contains(text)) {
            org.junit.jupiter.api.Assertions.assertTrue(System.currentTimeMillis() < deadline, text + " not in " + path + " within " + seconds + " s: " + body);
            Thread.sleep(1000);
            body = get(path).body();
        }
        return body;
    }

    public HttpResponse<String> post(String path, Object json) throws IOException, InterruptedException {
        return send("POST", path, "application/json", JSON.writeValueAsString(json));
    }

    public HttpResponse<String> send(String method, String path, String type, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A file's bytes as the body, as a browser uploads one. */
    public HttpResponse<String> upload(String path, String type, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(timeout);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }
}
