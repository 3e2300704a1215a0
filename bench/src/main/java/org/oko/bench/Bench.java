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
 * So far: drop-to-live time of a form definition; indicator save throughput under concurrent
 * authenticated clients against a no-op endpoint behind the same login; the ВПР import of a
 * region's year against raw JDBC batch inserts of the same rows into the same Derby, with the
 * server's peak heap.
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
        bench.vprImport(admin);
        bench.boot();
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

    private static final int VPR_ROWS = 300_000;
    private static final int[] VPR_MAX = {1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 2}; // the shipped 2026-math-5

    /**
     * A region's year of one ВПР test through the real import path (upload, check, write) against
     * the same rows written with raw JDBC batches into the same embedded Derby by a probe bundle the
     * bench installs into the server (only the server's JVM can reach its database).
     */
    private void vprImport(Session admin) throws Exception {
        StringBuilder catalog = new StringBuilder("Код ОО;Тип организации;Полное наименование;Код территории;Тип учредителя;Код учредителя;Тип местности\n"
                + "BFA;Муниципальный орган управления образованием;Управление бенчмарка;BT;;;\n");
        for (int i = 1; i <= 700; i++) {
            catalog.append(String.format("BS%04d;;Школа бенчмарка %d;BT;Муниципальная;BFA;Городская%n", i, i));
        }
        admin.send("POST", "/api/catalog/territories", "application/json",
                "{\"code\":\"BT\",\"name\":\"Район бенчмарка\",\"type\":\"MUNICIPAL_DISTRICT\",\"version\":0}");
        expect(admin.send("POST", "/api/catalog/import?name=bench.csv", "text/csv", catalog.toString()), 200);

        StringBuilder csv = new StringBuilder(VPR_ROWS * 60);
        csv.append("Код ОО;Код участника;Класс;Вариант");
        for (int t = 1; t <= VPR_MAX.length; t++) {
            csv.append(';').append(t);
        }
        csv.append(";Первичный балл;Отметка;Отметка по журналу\n");
        java.util.Random random = new java.util.Random(2026);
        for (int n = 0; n < VPR_ROWS; n++) {
            csv.append(String.format("BS%04d;R%06d;5А;%d", n % 700 + 1, n, 1 + n % 2));
            int total = 0;
            for (int max : VPR_MAX) {
                int score = random.nextInt(max + 1);
                total += score;
                csv.append(';').append(score);
            }
            int mark = total >= 15 ? 5 : total >= 10 ? 4 : total >= 5 ? 3 : 2;
            csv.append(';').append(total).append(';').append(mark).append(';').append(Math.max(2, Math.min(5, mark + random.nextInt(3) - 1))).append('\n');
        }

        // The limit: the probe's raw batches, measured inside the server.
        Path probe = home.resolve("data/bench-probe");
        Files.createDirectories(probe);
        Files.deleteIfExists(probe.resolve("raw"));
        Files.deleteIfExists(probe.resolve("peak"));
        Files.writeString(probe.resolve("rows"), Integer.toString(VPR_ROWS));
        expect(sendBytes(admin, "/api/modules", "application/java-archive", probeJar()), 201);
        long until = System.nanoTime() + 600_000_000_000L;
        while (!Files.exists(probe.resolve("raw")) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        String[] raw = Files.readString(probe.resolve("raw")).trim().split(" ");
        if (raw[0].equals("error")) {
            throw new IllegalStateException("probe: " + String.join(" ", raw));
        }
        double rawRate = Double.parseDouble(raw[0]) / (Long.parseLong(raw[1]) / 1e9);

        long start = System.nanoTime();
        String job = expect(admin.send("POST", "/api/vpr/imports?test=2026-math-5&name=bench.csv", "text/csv", csv.toString()), 202);
        String id = field(job, "id");
        String state;
        do {
            Thread.sleep(100);
            job = admin.get("/api/vpr/imports/" + id).body();
            state = field(job, "state");
        } while (!state.equals("DONE") && !state.equals("FAILED"));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (state.equals("FAILED")) {
            throw new IllegalStateException("the ВПР import failed: " + job);
        }
        expect(admin.send("DELETE", "/api/modules/org.oko.bench.probe", "application/json", ""), 204);
        until = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(probe.resolve("peak")) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        long peak = Long.parseLong(Files.readString(probe.resolve("peak")).trim());
        double ours = VPR_ROWS / seconds;
        table.add(new String[] {String.format("ВПР import, %,d participants × %d tasks (%.0f MB CSV: upload, check, write; %.1f s)",
                VPR_ROWS, VPR_MAX.length, csv.length() / 1e6, seconds), String.format("%.0f/s", ours),
                String.format("%.0f/s raw JDBC batches", rawRate), String.format("%.2f", ours / rawRate)});
        table.add(new String[] {"  server heap peak during the import (sum of the heap pools' peaks; server started with -Xmx512m)",
                (peak / (1024 * 1024)) + " MB", "512 MB", String.format("%.2f", peak / (512.0 * 1024 * 1024))});
    }

    /**
     * Boot: OKO's launcher from start to {@code /api/health} = 200 (what a user waits for) against the
     * bare Karaf of the same version from start to its console port accepting connections.
     */
    private void boot() throws Exception {
        String launcher = System.getProperty("oko.launcher");
        java.util.Map<String, String> env = java.util.Map.of("OKO_HOME", home.toString(), "OKO_DIST", System.getProperty("oko.dist"),
                "EXTRA_JAVA_OPTS", "-Xmx512m");
        run(env, launcher, "stop");
        long start = System.nanoTime();
        run(env, launcher, "start", "--port", base.substring(base.lastIndexOf(':') + 1), "--no-demo");
        double ours = (System.nanoTime() - start) / 1e9;

        Path bare = home.toAbsolutePath().getParent().resolve("bare-karaf"); // beside the bench's OKO, in bench/target
        if (Files.exists(bare)) {
            try (var paths = Files.walk(bare)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(bare);
        // Unpacked as the launcher unpacks OKO: the JDK's jar tool, then the scripts made executable.
        ProcessBuilder unpack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jar").toString(), "xf",
                System.getProperty("oko.bare")).directory(bare.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (unpack.start().waitFor() != 0) {
            throw new IllegalStateException("cannot unpack " + System.getProperty("oko.bare"));
        }
        Path karaf = Files.list(bare).filter(Files::isDirectory).findFirst().orElseThrow();
        try (var scripts = Files.list(karaf.resolve("bin"))) {
            scripts.forEach(script -> script.toFile().setExecutable(true));
        }
        replaceIn(karaf.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = 18601");
        replaceIn(karaf.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort = 1099", "rmiRegistryPort = 11699");
        replaceIn(karaf.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort = 44444", "rmiServerPort = 45044");
        start = System.nanoTime();
        run(java.util.Map.of("EXTRA_JAVA_OPTS", "-Xmx512m"), karaf.resolve("bin/start").toString());
        long until = System.nanoTime() + 120_000_000_000L;
        while (!listening(18601) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        double limit = (System.nanoTime() - start) / 1e9;
        run(java.util.Map.of(), karaf.resolve("bin/stop").toString());
        table.add(new String[] {"Boot: start → /api/health = 200 (./oko start), against a bare Karaf " + karaf.getFileName()
                + " start → console port open", String.format("%.1f s", ours), String.format("%.1f s", limit), String.format("%.2f", limit / ours)});
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", port), 200);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void replaceIn(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(from + " not in " + file);
        }
        Files.writeString(file, text.replace(from, to));
    }

    private static void run(java.util.Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
    }

    /** The probe bundle, built from its compiled class: a manifest and one class. */
    private static byte[] probeJar() throws Exception {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        java.util.jar.Attributes main = manifest.getMainAttributes();
        main.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.oko.bench.probe");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Name", "OKO bench probe");
        main.putValue("Bundle-Activator", "org.oko.bench.probe.ProbeActivator");
        main.putValue("Import-Package", "javax.sql,org.osgi.framework");
        main.putValue("Oko-Module", "probe");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(bytes, manifest);
             java.io.InputStream in = Bench.class.getResourceAsStream("/org/oko/bench/probe/ProbeActivator.class")) {
            for (String folder : new String[] {"org/", "org/oko/", "org/oko/bench/", "org/oko/bench/probe/"}) {
                jar.putNextEntry(new java.util.jar.JarEntry(folder));
                jar.closeEntry();
            }
            jar.putNextEntry(new java.util.jar.JarEntry("org/oko/bench/probe/ProbeActivator.class"));
            in.transferTo(jar);
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    private HttpResponse<String> sendBytes(Session session, String path, String type, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Cookie", session.cookie).header("X-CSRF-Token", session.csrf).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300));
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
