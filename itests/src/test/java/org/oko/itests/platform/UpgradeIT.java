package org.oko.itests.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A database the previous release made (before versioned migrations: EclipseLink's tables, the modules' SQL steps;
 * {@code src/test/resources/previous-release}) under this release: on Derby the installation's data folder, on
 * PostgreSQL its dump restored with psql. The data stays, every table's baseline is marked as run instead of run, the
 * modules' earlier steps keep their record, a change made since runs, new writes get new ids, and a second start runs
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeIT {

    private static final int HTTP_PORT = 18592;
    private static final Path FIXTURES = Path.of("src/test/resources/previous-release");

    /** Change sets of this release after the baselines: they run on the old database. */
    private static final Set<String> CHANGED_SINCE = Set.of("platform-generation", "platform-schema-digest",
            "oko-submission-event-key", "oko-submission-event-kind-dropped");

    private final OkoLauncher oko = new OkoLauncher("upgrade");
    private final boolean server = TestDatabase.onServer();
    private OkoHttp http;

    @BeforeAll
    void installOverThePreviousReleasesDatabase() throws Exception {
        oko.installFresh(18512, 11610, 44956);
        if (server) {
            // installFresh gave the installation a new database on the server: the dump goes there.
            String settings = Files.readString(oko.home().resolve("etc/org.oko.platform.cfg"));
            String url = settings.replaceAll("(?s).*\\ndb\\.url = (\\S+).*", "$1");
            restore(url, FIXTURES.resolve("postgresql.sql.gz"));
        } else {
            unzip(FIXTURES.resolve("derby.zip"), oko.home().resolve("data"));
        }
        // The administrator is the database's own, with the password its installation generated.
        Files.writeString(oko.home().resolve("etc/oko-admin.password"),
                Files.readString(FIXTURES.resolve((server ? "postgresql" : "derby") + "-admin.password")).trim());
        oko.start(HTTP_PORT);
        http = OkoHttp.admin(HTTP_PORT, oko.home());
    }

    @AfterAll
    void stop() throws Exception {
        oko.run("stop");
    }

    @Test
    @Order(1)
    void theDataOfThePreviousReleaseIsThereAndHealthy() throws Exception {
        JsonNode health = http.health();
        assertEquals("UP", health.get("status").asText(), health.toString());
        assertTrue(health.get("database").get("starts").asInt() >= 2, "the earlier starts are kept: " + health);
        assertEquals(805, json("/api/catalog/organisations?size=1").get("total").asInt());
        assertEquals(40, json("/api/catalog/territories").size());
        assertEquals(7, json("/api/users").size());
    }

    @Test
    @Order(2)
    void everyTableOfTheReleaseIsMarkedAsRunNotMadeAgain() throws Exception {
        for (String bundle : List.of("org.oko.platform", "org.oko.users", "org.oko.catalog", "org.oko.forms",
                "org.oko.scheduling", "org.oko.vpr")) {
            JsonNode steps = json("/api/module-repositories/steps?module=" + bundle);
            assertTrue(steps.size() >= 4, bundle + ": " + steps);
            for (JsonNode step : steps) {
                String name = step.get("name").asText();
                if (CHANGED_SINCE.contains(name)) {
                    // Changes of this release after its baseline: they run on the old database.
                    assertEquals("EXECUTED", step.get("kind").asText(), bundle + " " + step);
                } else if (!name.equals("platform-claim")) {
                    // (The claims table was made at its first use then, so a database may lack it: made now if so.)
                    assertEquals("MARK_RAN", step.get("kind").asText(), bundle + " " + step);
                }
            }
        }
        // A module's SQL step the release recorded in its own table is carried over, not run twice.
        JsonNode analytics = json("/api/module-repositories/steps?module=org.oko.analytics");
        assertEquals("001-analytics.sql", analytics.get(0).get("name").asText(), analytics.toString());
        assertEquals("MARK_RAN", analytics.get(0).get("kind").asText(), analytics.toString());
    }

    @Test
    @Order(3)
    void aSubmissionsHistoryComesInOrderOfTimeUnderItsNewKey() throws Exception {
        // The history's primary key moved from its id to (submission, kind, id) over the old rows. The release's ids
        // are not in order of time (a save took a block of them ahead): the history comes in order of time all the same.
        JsonNode started = json("/api/submissions?state=IN_PROGRESS");
        assertTrue(started.size() > 0, "the release's demo had submissions in progress");
        JsonNode history = json("/api/submissions/" + started.get(0).get("id").asLong() + "/history");
        assertEquals("ASSIGNED", history.get(0).get("newValue").asText(), "the assignment comes first: " + history.get(0));
        List<String> kinds = new ArrayList<>();
        Instant before = Instant.MIN;
        for (JsonNode entry : history) {
            Instant at = Instant.parse(entry.get("at").asText());
            assertTrue(!at.isBefore(before), "in order of time: " + entry + " after " + before);
            before = at;
            kinds.add(entry.get("kind").asText() + " " + entry.get("newValue").asText());
        }
        assertTrue(kinds.contains("TRANSITION IN_PROGRESS"), kinds.toString());
        assertTrue(kinds.stream().anyMatch(kind -> kind.startsWith("VALUE ")), kinds.toString());
    }

    @Test
    @Order(4)
    void aModuleInstalledAgainFindsItsTablesAndItsData() throws Exception {
        HttpResponse<String> installed = http.post("/api/modules", Map.of("feature", "oko-gto"));
        assertEquals(201, installed.statusCode(), installed.body());
        JsonNode steps = json("/api/module-repositories/steps?module=org.oko.gto");
        assertEquals(List.of("gto-import MARK_RAN", "gto-test MARK_RAN"), names(steps));
    }

    @Test
    @Order(5)
    void newWritesGetNewIdsAndASecondStartRunsNothing() throws Exception {
        HttpResponse<String> created = http.post("/api/catalog/territories", Map.of("code", "UPG", "name", "Район после обновления",
                "type", "MUNICIPAL_DISTRICT", "version", 0));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(41, json("/api/catalog/territories").size());
        int before = totalSteps();
        long checked = liquibaseRuns();
        assertTrue(checked >= 9, "the upgrade's start ran Liquibase for every bundle with a change log: " + checked);
        assertEquals(0, oko.run("stop").exitCode());
        oko.start(HTTP_PORT);
        http = OkoHttp.admin(HTTP_PORT, oko.home());
        http.waitForText("/api/health", "\"status\":\"UP\"", 60);
        assertEquals(before, totalSteps(), "nothing runs at a start after the upgrade");
        // Unchanged change logs are not even handed to Liquibase (SchemaDigests): a start stays fast.
        assertEquals(checked, liquibaseRuns(), "no change log checked again at the second start");
        assertEquals(41, json("/api/catalog/territories").size());
    }

    /** How often karaf.log says Liquibase checked a bundle's change log. */
    private long liquibaseRuns() throws Exception {
        try (var lines = Files.lines(oko.home().resolve("data/log/karaf.log"))) {
            return lines.filter(line -> line.contains("checked by Liquibase")).count();
        }
    }

    private int totalSteps() throws Exception {
        int total = 0;
        for (String bundle : List.of("org.oko.platform", "org.oko.users", "org.oko.catalog", "org.oko.forms",
                "org.oko.scheduling", "org.oko.vpr", "org.oko.gto", "org.oko.analytics", "org.oko.compendium")) {
            total += json("/api/module-repositories/steps?module=" + bundle).size();
        }
        return total;
    }

    private static List<String> names(JsonNode steps) {
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.get("name").asText() + " " + s.get("kind").asText()));
        return names;
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = http.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return OkoHttp.JSON.readTree(response.body());
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(into), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }

    /** The dump into the installation's new database, by psql (the PostgreSQL client the test command installed). */
    private static void restore(String jdbcUrl, Path dump) throws Exception {
        // jdbc:postgresql://host:port/name (user and password from the server's URL the build passed)
        String serverUrl = System.getProperty(TestDatabase.SERVER);
        String user = serverUrl.replaceAll(".*[?&]user=([^&]*).*", "$1");
        String target = "postgresql://" + user + "@" + jdbcUrl.substring("jdbc:postgresql://".length());
        Process psql = new ProcessBuilder("psql", target, "-q", "-v", "ON_ERROR_STOP=1", "-f", "-")
                .redirectErrorStream(true).redirectOutput(Path.of("target/upgrade-psql.log").toFile()).start();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dump)); OutputStream out = psql.getOutputStream()) {
            in.transferTo(out);
        }
        assertTrue(psql.waitFor(2, TimeUnit.MINUTES), "psql restores the dump within 2 minutes");
        assertEquals(0, psql.exitValue(), Files.readString(Path.of("target/upgrade-psql.log")));
    }
}
