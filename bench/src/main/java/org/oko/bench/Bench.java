package org.oko.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks against a running OKO, printed as a table: ours, the limit, the ratio. The machine
 * is shared and noisy, so each figure is measured beside its limit in the same run.
 * <p>
 * Usage: {@code java org.oko.bench.Bench <base URL> <OKO home>} (what {@code ./oko bench} does).
 * So far: the forms issue's entries — drop-to-live time of a form definition and indicator save
 * throughput under concurrent authenticated clients against a no-op endpoint behind the same login.
 */
public final class Bench {

    private static final int SCHOOLS = 20;
    private static final int CLIENTS = 200;
    private static final Duration LOAD = Duration.ofSeconds(10);
    private static final String PASSWORD = "Бенчмарк-2026-пароль";

    private final String base;
    private final Path home;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(java.util.concurrent.Executors.newFixedThreadPool(16)).build();
    private final List<String[]> table = new ArrayList<>();

    private Bench(String base, Path home) {
        this.base = base;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench(args[0], Path.of(args[1]));
        Session admin = bench.login("admin", Files.readString(bench.home.resolve("etc/oko-admin.password")).trim());
        bench.dropToLive(admin);
        bench.saves(admin);
        bench.print();
        System.exit(0); // the HTTP client's worker threads would keep the JVM alive
    }

    /** A definition dropped into deploy/ until its form answers in the API; the target is 2 s. */
    private void dropToLive(Session admin) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = "bench-drop-" + System.nanoTime() % 100000 + "-" + i;
            Path temporary = Files.createTempFile(home.resolve("deploy"), ".bench-", ".tmp");
            Files.writeString(temporary, form(id, false));
            long start = System.nanoTime();
            Files.move(temporary, home.resolve("deploy").resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
            while (!available(admin, id)) {
                Thread.sleep(10);
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException(id + " not live after 30 s");
                }
            }
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(times);
        long median = times.get(times.size() / 2);
        table.add(new String[] {"Form JSON dropped into deploy/ → live in /api/forms (median of 10; max " + times.get(times.size() - 1) + " ms)",
                median + " ms", "2000 ms (target)", String.format("%.2f", 2000.0 / Math.max(1, median))});
        table.add(new String[] {"  FileInstall's floor: two polls of a file whose size held still (felix.fileinstall.poll = 300 ms)",
                "", "600 ms", String.format("%.2f", 600.0 / Math.max(1, median))});
    }

    /** Saves of indicator values by 200 clients of 20 schools, beside a no-op endpoint behind the same login. */
    private void saves(Session admin) throws Exception {
        Files.writeString(home.resolve("deploy").resolve("bench-save.json"), form("bench-save", true));
        while (!available(admin, "bench-save")) {
            Thread.sleep(50);
        }
        StringBuilder csv = new StringBuilder("Код ОО;Тип организации;Полное наименование;Код территории;Тип учредителя;Код учредителя;Тип местности\n");
        csv.append("BFA;Муниципальный орган управления образованием;Управление бенчмарка;BT;;;\n");
        for (int s = 1; s <= SCHOOLS; s++) {
            csv.append(String.format("BS%02d;;Школа бенчмарка %d;BT;Муниципальная;BFA;Городская%n", s, s));
        }
        admin.send("POST", "/api/catalog/territories", "application/json",
                "{\"code\":\"BT\",\"name\":\"Район бенчмарка\",\"type\":\"MUNICIPAL_DISTRICT\",\"version\":0}");
        expect(admin.send("POST", "/api/catalog/import?name=bench.csv", "text/csv", csv.toString()), 200);
        List<Session> schools = new ArrayList<>();
        List<String> submissions = new ArrayList<>();
        for (int s = 1; s <= SCHOOLS; s++) {
            String code = String.format("BS%02d", s);
            String login = "bench." + code.toLowerCase();
            String created = expect(admin.send("POST", "/api/users", "application/json",
                    "{\"login\":\"" + login + "\",\"organisationCode\":\"" + code + "\",\"roles\":[\"SCHOOL_COORDINATOR\"]}"), 201);
            String oneTime = field(created, "oneTimePassword");
            Session first = login(login, oneTime);
            expect(first.send("POST", "/api/auth/password", "application/json",
                    "{\"oldPassword\":\"" + oneTime + "\",\"newPassword\":\"" + PASSWORD + "\"}"), 200);
            schools.add(login(login, PASSWORD));
            String assigned = expect(admin.send("POST", "/api/submissions", "application/json",
                    "{\"period\":\"bench\",\"formId\":\"bench-save\",\"organisationCode\":\"" + code + "\"}"), 201);
            submissions.add(field(assigned, "id"));
        }
        // Each client keeps its own cell and revision, so every save is a real write that must succeed.
        int[] revisions = new int[CLIENTS];
        Load saves = load(client -> {
            Session school = schools.get(client % SCHOOLS);
            String key = URLEncoder.encode("obs.v[c" + client + "]", StandardCharsets.UTF_8);
            HttpResponse<String> response = school.send("PUT", "/api/submissions/" + submissions.get(client % SCHOOLS) + "/values/" + key,
                    "application/json", "{\"value\":" + (revisions[client] + 1) + ",\"expectedRevision\":" + revisions[client] + "}");
            if (response.statusCode() == 200) {
                revisions[client]++;
            }
            return response.statusCode();
        });
        Load noop = load(client -> schools.get(client % SCHOOLS).get("/api/auth/session").statusCode());
        table.add(new String[] {"Indicator saves, " + CLIENTS + " clients of " + SCHOOLS + " schools, " + LOAD.toSeconds() + " s (failed: "
                + saves.failed + ")", String.format("%.0f/s", saves.perSecond()), String.format("%.0f/s no-op", noop.perSecond()),
                String.format("%.2f", saves.perSecond() / noop.perSecond())});
        table.add(new String[] {"  latency p50", saves.percentile(50) + " ms", noop.percentile(50) + " ms", ""});
        table.add(new String[] {"  latency p99 (target: at most twice the no-op's)", saves.percentile(99) + " ms", noop.percentile(99) + " ms",
                String.format("%.2f", (double) noop.percentile(99) * 2 / Math.max(1, saves.percentile(99)))});
    }

    private record Load(int done, int failed, long nanos, List<Long> latencies) {
        double perSecond() {
            return done / (nanos / 1e9);
        }

        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1_000_000;
        }
    }

    private interface Call {
        int run(int client) throws Exception;
    }

    private Load load(Call call) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch finished = new CountDownLatch(CLIENTS);
        long start = System.nanoTime();
        long end = start + LOAD.toNanos();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        int status;
                        try {
                            status = call.run(client);
                        } catch (Exception e) {
                            status = -1;
                        }
                        latencies.add(System.nanoTime() - t);
                        if (status == 200) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "bench-client-" + c).start();
        }
        finished.await();
        return new Load(done.get(), failed.get(), System.nanoTime() - start, new ArrayList<>(latencies));
    }

    private void print() {
        System.out.println();
        System.out.println("OKO benchmarks, " + LocalDate.now().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, server " + base);
        System.out.println();
        System.out.println("| What | Ours | Limit | Ratio |");
        System.out.println("|---|---|---|---|");
        for (String[] row : table) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }

    /** A small form: two indicators and an open table whose rows the clients add. */
    private static String form(String id, boolean table) {
        return "{\"id\":\"" + id + "\",\"version\":1,\"title\":\"Бенчмарк\",\"sections\":[{\"id\":\"main\",\"title\":\"Основное\",\"items\":["
                + "{\"code\":\"total\",\"label\":\"Всего\",\"type\":\"integer\",\"min\":0},"
                + "{\"code\":\"part\",\"label\":\"Из них\",\"type\":\"integer\",\"min\":0}"
                + (table ? ",{\"table\":\"obs\",\"label\":\"Наблюдения\",\"rows\":{\"open\":true,\"maxRows\":10000},"
                        + "\"columns\":[{\"code\":\"v\",\"label\":\"Значение\",\"type\":\"integer\"}]}" : "")
                + "]}],\"rules\":[{\"id\":\"part_le_total\",\"check\":\"part <= total\",\"severity\":\"error\",\"message\":\"Часть больше целого\"}]}";
    }

    private boolean available(Session session, String id) throws Exception {
        return Pattern.compile("\"id\":\"" + Pattern.quote(id) + "\",\"version\":1,[^}]*\\},\"source\":\"[^\"]*\",\"available\":true")
                .matcher(session.get("/api/forms").body()).find();
    }

    private Session login(String login, String password) throws Exception {
        HttpResponse<String> response = send(null, null, "POST", "/api/auth/login", "application/json",
                "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
        expect(response, 200);
        return new Session(response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0], field(response.body(), "csrfToken"));
    }

    private final class Session {
        private final String cookie;
        private final String csrf;

        Session(String cookie, String csrf) {
            this.cookie = cookie;
            this.csrf = csrf;
        }

        HttpResponse<String> get(String path) throws Exception {
            return Bench.this.send(cookie, null, "GET", path, null, null);
        }

        HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
            return Bench.this.send(cookie, csrf, method, path, type, body);
        }
    }

    private HttpResponse<String> send(String cookie, String csrf, String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
