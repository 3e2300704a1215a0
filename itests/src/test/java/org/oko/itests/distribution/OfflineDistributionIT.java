package org.oko.itests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.oko.itests.support.OkoHttp;
import org.oko.itests.support.OkoLauncher;
import org.oko.itests.support.TestFiles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The distribution resolves only from what it carries. Its Karaf runs with a user home of its own
 * whose Maven repository holds one features repository that exists nowhere else: every {@code oko*}
 * feature is installed and health is UP; every feature the distribution offers for a later install
 * (the build's {@code oko.offered.features}) installs, and module features removed come back, with no
 * Maven repository at all; the user's repository is never a source and nothing is written to it. A
 * distribution with an artifact taken out of {@code system/} does not start, and the launcher names
 * the artifact in one line at once instead of waiting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfflineDistributionIT {

    private static final int HTTP_PORT = 18681;
    /** A features repository only the user's ~/.m2 holds: found there, it would prove the user's repository a source. */
    private static final String USER_ONLY = "mvn:org.oko.it/user-only/1.0/xml/features";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkoLauncher oko = new OkoLauncher("offline");
    private final Path userHome = oko.home().resolveSibling("offline-user-home");
    private final Path userRepository = userHome.resolve(".m2/repository");

    @BeforeAll
    void install() throws Exception {
        oko.deleteHome();
        TestFiles.deleteTree(userHome);
        Path probe = userRepository.resolve("org/oko/it/user-only/1.0/user-only-1.0-features.xml");
        Files.createDirectories(probe.getParent());
        Files.writeString(probe, "<features name=\"user-only\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">"
                + "<feature name=\"it-user-only\" version=\"1.0\"/></features>\n");
        OkoLauncher.Result installed = oko.run("install", "--no-demo");
        assertEquals(0, installed.exitCode(), installed.output());
        oko.isolatePorts(18601, 11699, 45045);
        oko.with("EXTRA_JAVA_OPTS", "-Duser.home=" + userHome);
    }

    @AfterAll
    void stop() throws Exception {
        oko.run("stop");
    }

    /**
     * OKO's features in the distribution that are not installed at first start: the modules offered to an administrator
     * (docs/gto.md) and the cluster, which one node does not need (docs/scale-out.md).
     */
    private static final java.util.Set<String> OFFERED_MODULES = java.util.Set.of("oko-gto", "oko-olympiad", "oko-noko", "oko-cluster");

    @Test
    @Order(1)
    void everyOkoFeatureIsInstalledAndHealthIsUp() throws Exception {
        OkoLauncher.Result start = oko.run("start", "--port", String.valueOf(HTTP_PORT), "--no-demo");
        assertEquals(0, start.exitCode(), start.output());
        assertHealthUp();
        assertTrue(processArguments().contains("-Duser.home=" + userHome), "Karaf runs with the test's user home");

        Map<String, Row> features = features();
        for (String name : List.of("oko-base", "oko", "oko-vpr", "oko-form-miac-1")) {
            assertTrue(features.values().stream().anyMatch(r -> r.name().equals(name)), name + " in\n" + features.values());
        }
        // Every OKO feature starts at boot but the offered modules and the cluster (test 2 installs them).
        List<String> oko = features.values().stream().filter(r -> r.name().startsWith("oko") && !OFFERED_MODULES.contains(r.name()))
                .map(Row::id).toList();
        for (String id : oko) {
            assertEquals("Started", features.get(id).state(), id + " in\n" + features.values());
        }
    }

    @Test
    @Order(2)
    void everyOfferedFeatureInstallsWithoutAMavenRepository() throws Exception {
        List<String> installedNow = new ArrayList<>();
        for (String pattern : System.getProperty("oko.offered.features").split(",")) {
            Pattern glob = Pattern.compile(pattern.trim().replace(".", "\\.").replace("*", ".*"));
            List<Row> matching = features().values().stream().filter(r -> glob.matcher(r.name()).matches()).toList();
            assertFalse(matching.isEmpty(), "the offered " + pattern + " is a feature of the distribution");
            for (Row row : matching) {
                if (!"Started".equals(row.state())) {
                    install(row.id());
                    installedNow.add(row.id());
                }
            }
        }
        assertFalse(installedNow.isEmpty(), "the distribution offers a feature beyond its boot features");
        // Module features that boot installs, removed and installed again from what the distribution carries.
        for (String module : List.of("oko-vpr", "oko-form-miac-1")) {
            String id = features().values().stream().filter(r -> r.name().equals(module)).findFirst().orElseThrow().id();
            OkoLauncher.Result removed = oko.run("client", "feature:uninstall", "-r", id);
            assertEquals(0, removed.exitCode(), removed.output());
            assertEquals("Uninstalled", features().get(id).state());
            install(id);
        }
        Map<String, Row> features = features();
        for (String id : installedNow) {
            assertEquals("Started", features.get(id).state(), id);
        }
        assertHealthUp();
    }

    @Test
    @Order(3)
    void theUsersMavenRepositoryIsNeverASource() throws Exception {
        OkoLauncher.Result added = oko.run("client", "feature:repo-add", USER_ONLY);
        assertNotEquals(0, added.exitCode(), added.output());
        assertTrue(added.output().contains("Could not find artifact org.oko.it:user-only"), added.output());
        assertFalse(features().keySet().stream().anyMatch(id -> id.startsWith("it-user-only/")));
        try (var files = Files.walk(userHome)) {
            assertEquals(List.of(userRepository.resolve("org/oko/it/user-only/1.0/user-only-1.0-features.xml")),
                    files.filter(Files::isRegularFile).toList(), "nothing was written into the user's home");
        }
    }

    @Test
    @Order(4)
    void aDistributionMissingAnArtifactNamesItAtStart() throws Exception {
        assertEquals(0, oko.run("stop").exitCode());
        OkoLauncher broken = new OkoLauncher("offline-broken").with("EXTRA_JAVA_OPTS", "-Duser.home=" + userHome);
        broken.deleteHome();
        assertEquals(0, broken.run("install", "--no-demo").exitCode());
        broken.isolatePorts(18601, 11699, 45045);
        Path versions = broken.home().resolve("system/org/oko/oko-vpr");
        Path version;
        try (var listing = Files.list(versions)) {
            version = listing.findFirst().orElseThrow();
        }
        Files.delete(version.resolve("oko-vpr-" + version.getFileName() + ".jar"));

        long begun = System.nanoTime();
        OkoLauncher.Result start = broken.run("start", "--port", String.valueOf(HTTP_PORT), "--no-demo");
        long seconds = Duration.ofNanos(System.nanoTime() - begun).toSeconds();
        assertNotEquals(0, start.exitCode(), start.output());
        String line = start.output().lines().filter(l -> l.contains("could not install its features")).findFirst()
                .orElseThrow(() -> new AssertionError("no reason given:\n" + start.output()));
        assertTrue(line.contains("mvn:org.oko/oko-vpr/" + version.getFileName()), line);
        assertTrue(seconds < 120, "gave up after " + seconds + " s, not at the launcher's time limit:\n" + start.output());
        assertNotEquals(0, broken.run("status").exitCode(), "the failed Karaf was stopped");
        broken.deleteHome();
    }

    private void install(String id) throws Exception {
        OkoLauncher.Result result = oko.run("client", "feature:install", "-r", id);
        assertEquals(0, result.exitCode(), id + ": " + result.output());
        assertEquals("Started", features().get(id).state(), id);
    }

    private void assertHealthUp() throws Exception {
        HttpResponse<String> health = new OkoHttp(HTTP_PORT, Duration.ofSeconds(10)).get("/api/health");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", JSON.readTree(health.body()).get("status").asText(), health.body());
    }

    /** A row of {@code feature:list}: name | version | required | state | repository | description. */
    record Row(String name, String version, String state) {
        String id() {
            return name + "/" + version;
        }
    }

    private Map<String, Row> features() throws Exception {
        OkoLauncher.Result list = oko.run("client", "feature:list");
        assertEquals(0, list.exitCode(), list.output());
        Map<String, Row> rows = new LinkedHashMap<>();
        list.output().lines().map(l -> l.split("\\|")).filter(c -> c.length >= 4 && !c[0].isBlank()
                && !c[0].trim().equals("Name") && !c[0].startsWith("-")).forEach(c -> {
                    Row row = new Row(c[0].trim(), c[1].trim(), c[3].trim());
                    rows.putIfAbsent(row.id(), row);
                });
        assertFalse(rows.isEmpty(), list.output());
        return rows;
    }

    /** The command line of this installation's Karaf JVM. */
    private String processArguments() {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains("-Dkaraf.home=" + oko.home() + " ")).findFirst().orElse("");
    }
}
