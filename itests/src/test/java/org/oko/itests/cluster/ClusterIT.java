package org.oko.itests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.oko.itests.support.OkoHttp;
import org.oko.itests.support.OkoLauncher;
import org.oko.module.testing.TestDatabase;

/**
 * Two OKO nodes on one PostgreSQL database behind HAProxy, on loopback (docs/scale-out.md): the balancer checks the
 * nodes on /api/health; Karaf Cellar (the oko-cluster feature) carries a module installed through one node to the
 * other; a scheduled job runs on one node, not on both; a school coordinator's session and saves survive the node
 * serving them being killed (kill -9).
 * Runs in the suite's PostgreSQL run (embedded Derby is one node).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int BALANCER = 18720;
    private static final int[] HTTP = {18721, 18722};
    private static final String DEMO_PASSWORD = "oko-demo-2026";
    private static final String SCHOOL = "9901001";

    private final OkoLauncher[] nodes = {new OkoLauncher("cluster-1"), new OkoLauncher("cluster-2")};
    private Process haproxy;

    @BeforeAll
    void startTwoNodesAndTheBalancer() throws Exception {
        assumeTrue(TestDatabase.onServer(), "several nodes share a database server; embedded Derby is one node");
        Map<String, String> database = TestDatabase.freshSettings().orElseThrow();
        // The first node loads the demo region; the second starts on the same database once the first made it.
        nodes[0].installFresh(18731, 11731, 44731);
        nodes[1].installFresh(18732, 11732, 44732, "--no-demo");
        for (OkoLauncher node : nodes) {
            node.useDatabase(database);
        }
        nodes[0].start(HTTP[0]);
        // One set of accounts: the second node's console logs in with the first administrator's password.
        Files.copy(nodes[0].home().resolve("etc/oko-admin.password"), nodes[1].home().resolve("etc/oko-admin.password"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        nodes[1].start(HTTP[1], "--no-demo");
        for (OkoLauncher node : nodes) {
            OkoLauncher.Result joined = node.run("client", "feature:install oko-cluster");
            assertEquals(0, joined.exitCode(), joined.output());
        }
        String members = waitFor(() -> nodes[0].run("client", "cluster:node-list").output(), out -> out.contains(":5701") && out.contains(":5702"), 60);
        assertTrue(members.contains("127.0.0.1"), members);

        // Round robin, not by path as docs/scale-out.md advises: every node must serve every session.
        Path config = nodes[0].home().resolveSibling("cluster-haproxy.cfg");
        Files.writeString(config, """
                global
                    maxconn 500
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 120s
                    timeout server 120s
                    retries 3
                    option redispatch
                frontend oko
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /api/health
                    http-check expect status 200
                    default-server inter 1s fall 2 rise 2
                    server node1 127.0.0.1:%d check
                    server node2 127.0.0.1:%d check
                """.formatted(BALANCER, HTTP[0], HTTP[1]));
        haproxy = new ProcessBuilder("haproxy", "-f", config.toString(), "-db").redirectErrorStream(true)
                .redirectOutput(config.resolveSibling("cluster-haproxy.log").toFile()).start();
        waitFor(() -> String.valueOf(status(BALANCER, "/api/health")), "200"::equals, 30);
    }

    @AfterAll
    void stopAll() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        for (OkoLauncher node : nodes) {
            node.run("stop");
        }
    }

    @Test
    @Order(1)
    void theBalancerServesBothNodesAndChecksThemOnHealth() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertEquals(200, status(BALANCER, "/api/health"));
        }
        String log = Files.readString(nodes[0].home().resolveSibling("cluster-haproxy.log"));
        for (int port : HTTP) {
            JsonNode health = new OkoHttp(port).health();
            assertEquals("UP", health.get("status").asText(), health.toString());
            assertEquals("PostgreSQL", health.get("database").get("product").asText().split(" ")[0]);
        }
        assertTrue(!log.contains("DOWN"), "both nodes pass the health check: " + log);
    }

    @Test
    @Order(2)
    void aModuleInstalledThroughOneNodeIsLiveOnBoth() throws Exception {
        OkoHttp first = OkoHttp.admin(HTTP[0], nodes[0].home());
        HttpResponse<String> installed = first.post("/api/modules", Map.of("feature", "oko-gto"));
        assertEquals(201, installed.statusCode(), installed.body());
        assertEquals(200, first.get("/api/gto/norms").statusCode());
        OkoHttp second = OkoHttp.admin(HTTP[1], nodes[0].home());
        waitFor(() -> String.valueOf(second.get("/api/gto/norms").statusCode()), "200"::equals, 90);
        assertTrue(second.get("/api/modules").body().contains("org.oko.gto"));
    }

    @Test
    @Order(3)
    void figuresKeptOnOneNodeFollowAnImportThroughTheOther() throws Exception {
        OkoHttp first = OkoHttp.admin(HTTP[0], nodes[0].home());
        OkoHttp second = OkoHttp.admin(HTTP[1], nodes[0].home());
        String norms;
        try (java.io.InputStream in = ClusterIT.class.getResourceAsStream("/org/oko/itests/gto/norms-fixture.json")) {
            norms = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        HttpResponse<String> published = first.send("POST", "/api/gto/norms", "application/json", norms);
        assertEquals(201, published.statusCode(), published.body());
        String counts = "/api/gto/counts?year=2025&school=" + SCHOOL;
        assertEquals(0, tested(second, counts), "nothing imported yet, and the second node keeps that figure");

        String csv = org.oko.itests.gto.GtoIT.HEADER + "\n" + SCHOOL + ";1;;м;10.04.2015;20.04.2025;5,4;4:50;5;;+8;8,5;160";
        HttpResponse<String> started = first.send("POST", "/api/gto/imports?name=cluster.csv", "text/csv", csv);
        assertEquals(202, started.statusCode(), started.body());
        String job = "/api/gto/imports/" + OkoHttp.JSON.readTree(started.body()).get("id").asLong();
        waitFor(() -> first.get(job).body(), body -> body.contains("\"DONE\"") || body.contains("\"FAILED\""), 60);
        assertTrue(first.get(job).body().contains("\"DONE\""), first.get(job).body());
        // The import advanced the shared generation: the second node recomputes within its second of reading it,
        // far sooner than the 30 s every other kept value may live on a server.
        long start = System.nanoTime();
        waitFor(() -> String.valueOf(tested(second, counts)), "1"::equals, 10);
        System.out.println("The second node's counts followed the import after " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private static int tested(OkoHttp node, String counts) throws Exception {
        HttpResponse<String> answer = node.get(counts);
        assertEquals(200, answer.statusCode(), answer.body());
        return OkoHttp.JSON.readTree(answer.body()).get("school").get("tested").asInt();
    }

    @Test
    @Order(4)
    void aScheduledJobRunsOnOneNodeNotOnBoth() throws Exception {
        // Both nodes' schedulers fire every 10 s, at the same instants; each firing tries the reminders' claim.
        String cron = "0/10 * * * * ?";
        for (OkoLauncher node : nodes) {
            Path settings = node.home().resolve("etc/org.oko.scheduling.cfg");
            Files.writeString(settings, Files.readString(settings).replaceAll("(?m)^reminder\\.cron\\s*=.*$", "reminder.cron = " + cron));
        }
        for (OkoLauncher node : nodes) {
            waitFor(() -> node.run("client", "config:property-list --pid org.oko.scheduling").output(), text -> text.contains(cron), 60);
        }
        Thread.sleep(35_000);
        int runs = 0;
        int skipped = 0;
        for (OkoLauncher node : nodes) {
            String log = Files.readString(node.home().resolve("data/log/karaf.log"));
            runs += count(log, "Reminders for ");
            skipped += count(log, "scheduling.reminders runs on another node");
        }
        assertEquals(1, runs, "one run over both nodes");
        assertTrue(skipped >= 2, "the other firings found the claim: " + skipped);
    }

    @Test
    @Order(5)
    void aNodeThatWasDownCatchesUpWithTheModulesInstalledMeanwhile() throws Exception {
        assertEquals(0, nodes[1].run("stop").exitCode());
        OkoHttp first = OkoHttp.admin(HTTP[0], nodes[0].home());
        HttpResponse<String> installed = first.post("/api/modules", Map.of("feature", "oko-noko"));
        assertEquals(201, installed.statusCode(), installed.body());
        nodes[1].start(HTTP[1], "--no-demo");
        OkoHttp second = OkoHttp.admin(HTTP[1], nodes[0].home());
        // Back in the group, the second node installs what the group installed while it was away, and keeps the rest.
        String modules = waitFor(() -> second.get("/api/modules").body(), body -> body.contains("org.oko.noko"), 120);
        assertTrue(modules.contains("org.oko.gto"), modules);
        waitFor(() -> String.valueOf(second.get("/api/health").statusCode()), "200"::equals, 60);
        waitFor(() -> String.valueOf(status(BALANCER, "/api/health")), "200"::equals, 30);
    }

    @Test
    @Order(6)
    void aSessionAndItsSavesSurviveTheNodeBeingKilled() throws Exception {
        OkoHttp admin = new OkoHttp(BALANCER);
        admin.loginAdmin(nodes[0].home());
        HttpResponse<String> assigned = admin.post("/api/submissions", Map.of("period", "2093-2", "formId", "miac-5", "organisationCode", SCHOOL));
        assertEquals(201, assigned.statusCode(), assigned.body());
        long id = OkoHttp.JSON.readTree(assigned.body()).get("id").asLong();
        OkoHttp school = new OkoHttp(BALANCER, java.time.Duration.ofSeconds(30)).login("demo.school", DEMO_PASSWORD);

        int saves = 30;
        int revision = 0;
        int retried = 0;
        for (int value = 1; value <= saves; value++) {
            if (value == 11) { // mid-campaign: the first node dies without a chance to clean up
                long pid = Long.parseLong(Files.readString(nodes[0].home().resolve("karaf.pid")).trim());
                ProcessHandle karaf = ProcessHandle.of(pid).orElseThrow();
                assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor());
                karaf.onExit().get(30, TimeUnit.SECONDS);
            }
            int attempt = 0;
            while (true) {
                HttpResponse<String> saved = save(school, id, value, revision);
                int code = saved == null ? -1 : saved.statusCode();
                if (code == 200) {
                    revision = OkoHttp.JSON.readTree(saved.body()).get("values").get("teachers_total").get("revision").asInt();
                    break;
                }
                JsonNode stored = stored(school, id);
                if (code == 409 && stored != null && stored.get("value").asInt() == value) {
                    revision = stored.get("revision").asInt(); // the first try landed before its answer was lost
                    break;
                }
                assertTrue(code == -1 || code == 502 || code == 503, "save " + value + ": " + code + " " + (saved == null ? "" : saved.body()));
                assertTrue(++attempt < 30, "save " + value + " kept failing");
                retried++;
                Thread.sleep(500);
            }
        }
        JsonNode stored = stored(school, id);
        assertEquals(saves, stored.get("value").asInt(), "the last save is stored");
        assertEquals(saves, stored.get("revision").asInt(), "every save counted once, none lost: " + retried + " retried");
        assertEquals(200, school.get("/api/submissions/" + id).statusCode(), "the same session, without a new login");
    }

    private static HttpResponse<String> save(OkoHttp school, long id, int value, int revision) {
        try {
            return school.send("PUT", "/api/submissions/" + id + "/values/teachers_total", "application/json",
                    OkoHttp.JSON.writeValueAsString(Map.of("value", value, "expectedRevision", revision)));
        } catch (IOException e) {
            return null; // the connection went with the node
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode stored(OkoHttp school, long id) throws Exception {
        HttpResponse<String> view = school.get("/api/submissions/" + id);
        return view.statusCode() == 200 ? OkoHttp.JSON.readTree(view.body()).get("values").get("teachers_total") : null;
    }

    private static int status(int port, String path) {
        try {
            return new OkoHttp(port, java.time.Duration.ofSeconds(10)).get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    @FunctionalInterface
    private interface Probe {
        String read() throws Exception;
    }

    private static String waitFor(Probe probe, java.util.function.Predicate<String> done, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String last = probe.read();
        while (!done.test(last)) {
            assertTrue(System.nanoTime() < deadline, "not in " + seconds + " s; last: " + last);
            Thread.sleep(500);
            last = probe.read();
        }
        return last;
    }
}
