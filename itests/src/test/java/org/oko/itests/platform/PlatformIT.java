package org.oko.itests.platform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;
import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.scheduler.Scheduler;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.OkoContainerTest;
import org.oko.platform.api.ModuleInfo;
import org.oko.platform.api.PlatformSettings;
import org.oko.platform.api.Rest;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import com.fasterxml.jackson.databind.JsonNode;

/** Boots the built distribution and checks the platform from inside Karaf and over HTTP. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PlatformIT extends OkoContainerTest {

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private FeaturesService features;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private Scheduler scheduler;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=oko)", timeout = 30_000)
    private DataSource dataSource;

    @Inject
    private PlatformSettings settings;

    @Test
    public void everyOkoBundleIsActive() throws Exception {
        List<String> okoBundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getHeaders().get(ModuleInfo.HEADER) != null) {
                okoBundles.add(bundle.getSymbolicName());
                assertEquals(bundle.getSymbolicName() + " state", Bundle.ACTIVE, bundle.getState());
            }
        }
        assertTrue("OKO bundles found: " + okoBundles,
                okoBundles.containsAll(List.of("org.oko.platform.api", "org.oko.platform")));

        // Every bundle of every installed OKO feature (shared libraries of oko-base included) is
        // installed and active; a fragment is resolved, attached to its host.
        List<String> installedFeatures = new ArrayList<>();
        int checked = 0;
        for (Feature feature : features.listInstalledFeatures()) {
            if (!feature.getName().startsWith("oko")) {
                continue;
            }
            installedFeatures.add(feature.getName());
            for (BundleInfo info : feature.getBundles()) {
                Bundle bundle = context.getBundle(info.getLocation());
                assertNotNull(info.getLocation() + " of feature " + feature.getName() + " is installed", bundle);
                int expected = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null ? Bundle.RESOLVED : Bundle.ACTIVE;
                assertEquals(bundle.getSymbolicName() + " of feature " + feature.getName() + " state", expected, bundle.getState());
                checked++;
            }
        }
        assertTrue("installed OKO features: " + installedFeatures, installedFeatures.containsAll(
                List.of("oko-base", "oko-platform", "oko-catalog", "oko-users", "oko-forms", "oko-scheduling", "oko-web", "oko")));
        assertTrue("bundles of OKO features checked: " + checked, checked >= 20);
    }

    @Test
    public void everyOkoComponentIsSatisfied() {
        int checked = 0;
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getHeaders().get(ModuleInfo.HEADER) == null) {
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
                assertTrue(description.name + " has a configuration", !configurations.isEmpty());
                for (ComponentConfigurationDTO configuration : configurations) {
                    assertTrue(description.name + " is satisfied, state " + configuration.state,
                            configuration.state == ComponentConfigurationDTO.ACTIVE
                                    || configuration.state == ComponentConfigurationDTO.SATISFIED);
                }
                checked++;
            }
        }
        assertTrue("components checked: " + checked, checked >= 6);
    }

    @Test
    public void healthAnswersOverHttp() throws Exception {
        HttpResponse<String> response = get(WebSession.NONE, "/api/health");
        assertEquals("health is public", 200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode health = JSON.readTree(response.body());
        assertEquals("UP", health.get("status").asText());
        assertEquals(System.getProperty("oko.version", settings.version()), health.get("version").asText());
        assertTrue(health.get("database").get("reachable").asBoolean());
        String product = health.get("database").get("product").asText();
        assertTrue(product, product.startsWith(onDatabaseServer() ? "PostgreSQL" : "Apache Derby"));
        List<String> modules = new ArrayList<>();
        for (JsonNode module : health.get("modules")) {
            modules.add(module.get("symbolicName").asText());
            assertEquals("ACTIVE", module.get("state").asText());
        }
        assertTrue(modules.toString(), modules.contains("org.oko.platform"));
    }

    @Test
    public void databaseRoundTripThroughJpaAndJdbc() throws Exception {
        // The platform wrote its start through JPA; plain JDBC must find the same rows ...
        long startsSeenByJpa = healthService.health().database().starts();
        assertTrue(startsSeenByJpa >= 1);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM OKO_PLATFORM_START")) {
            rows.next();
            assertEquals(startsSeenByJpa, rows.getLong(1));
        }
        // ... and a row written through JDBC must be read back by JPA, visible over HTTP.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO OKO_PLATFORM_START (STARTED_AT, VERSION) VALUES (?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")));
            insert.setString(2, "itest");
            assertEquals(1, insert.executeUpdate());
        }
        JsonNode health = JSON.readTree(get("/api/health").body());
        assertEquals(startsSeenByJpa + 1, health.get("database").get("starts").asLong());
        assertEquals(settings.databaseLocation(), health.get("database").get("location").asText());
    }

    @Test
    public void okoFeaturesAreInstalled() throws Exception {
        for (String name : List.of("oko-base", "oko-platform", "oko")) {
            assertTrue(name + " installed", features.isInstalled(features.getFeature(name)));
        }
        String listing = execute("feature:list -i");
        assertTrue(listing, listing.contains("oko-platform"));
    }

    @Test
    public void statusCommandPrintsTheFactsOfHealth() throws Exception {
        JsonNode health = JSON.readTree(get(WebSession.NONE, "/api/health").body());
        String output = execute("oko:status");
        List<String> lines = output.lines().toList();
        assertTrue(output, output.contains("OKO " + settings.version() + ": UP"));
        assertTrue(output, lines.contains("OKO " + health.get("version").asText() + ": " + health.get("status").asText()));
        assertTrue(output, lines.contains("Started:   " + time(health.get("startedAt"))));
        assertTrue(output, lines.contains("Demo data: " + (health.get("demoData").asBoolean() ? "on" : "off")));

        JsonNode database = health.get("database");
        assertTrue(database.toString(), database.get("reachable").asBoolean());
        assertTrue(output, lines.contains("Database:  reachable, " + database.get("product").asText()));
        assertTrue(output, lines.contains("  location: " + database.get("location").asText()));
        assertTrue(output, output.contains(settings.databaseLocation()));
        assertTrue(output, lines.contains("  starts:   " + database.get("starts").asLong() + ", first "
                + time(database.get("firstStartedAt"))));

        JsonNode storage = health.get("storage");
        assertTrue(output, lines.contains("  folder:   " + storage.get("folder").asText()));
        assertTrue(output, output.contains("reserve " + storage.get("reserveBytes").asLong() / (1024 * 1024) + " MB, "
                + (storage.get("writable").asBoolean() ? "writable" : "READ-ONLY")));

        // One row per module of the JSON: symbolic name, version, kind, state, components, name.
        assertTrue(output, lines.contains("Modules (" + health.get("modules").size() + "):"));
        assertTrue(health.toString(), health.get("modules").size() >= 10);
        for (JsonNode module : health.get("modules")) {
            String symbolicName = module.get("symbolicName").asText();
            List<String> expected = List.of(symbolicName, module.get("version").asText(), module.get("kind").asText(),
                    module.get("state").asText(),
                    module.get("componentsSatisfied").asInt() + "/" + module.get("componentsTotal").asInt(),
                    module.get("name").asText());
            List<List<String>> rows = lines.stream().map(l -> List.of(l.trim().split("\\s+", 6)))
                    .filter(row -> row.get(0).equals(symbolicName)).toList();
            assertEquals(output, List.of(expected), rows);
        }
    }

    /** A time of the JSON as oko:status prints it (the test runs in the container's JVM, same zone). */
    private static String time(JsonNode value) {
        return DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.systemDefault())
                .format(Instant.parse(value.asText()));
    }

    @Test
    public void webRootServesTheIndexPage() throws Exception {
        HttpResponse<String> index = get(WebSession.NONE, "/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(index.body().contains("<title>ОКО"));
        assertEquals(404, get("/no-such-page.html").statusCode());
        HttpResponse<String> escape = get(WebSession.NONE, "/%2e%2e/etc/users.properties");
        assertTrue("escape attempt refused: " + escape.statusCode(), escape.statusCode() == 400 || escape.statusCode() == 404);
        JsonNode error = JSON.readTree(get("/api/no-such-endpoint").body());
        assertEquals(404, error.get("status").asInt());
    }

    @Test
    public void restWhiteboardPublishesAndWithdrawsResourcesOfAnyBundle() throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Rest.BASE, "/api/itest");
        ServiceRegistration<EchoResource> registration =
                context.registerService(EchoResource.class, new EchoResource(), properties);
        try {
            HttpResponse<String> response = waitFor("/api/itest/echo", 200);
            assertEquals("{\"echo\":\"привет\"}", response.body());
            // A module's endpoint is closed to anonymous callers unless it says @PermitAll.
            HttpResponse<String> refused = get(WebSession.NONE, "/api/itest/echo");
            assertEquals(401, refused.statusCode());
            // The error body whole, whatever the method's declared type (Map<String, String> here).
            assertEquals(401, JSON.readTree(refused.body()).get("status").asInt());
            assertEquals("access.unauthenticated", JSON.readTree(refused.body()).get("code").asText());
        } finally {
            registration.unregister();
        }
        waitFor("/api/itest/echo", 404);
        assertEquals("other bases are untouched", 200, get("/api/health").statusCode());
    }

    @Test
    public void settingsChangeAtRuntime() throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(PlatformSettings.PID, null);
        Dictionary<String, Object> properties = configuration.getProperties();
        Object demoBefore = properties.get("demo.data");
        properties.put("demo.data", "true");
        configuration.update(properties);
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (!settings.demoData() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(JSON.readTree(get("/api/health").body()).get("demoData").asBoolean());
        } finally {
            properties.put("demo.data", demoBefore == null ? "false" : demoBefore);
            configuration.update(properties);
        }
    }

    @Test
    public void schedulerIsAvailable() {
        assertNotNull(scheduler);
    }

    /** A resource from another bundle than the platform: the test probe. */
    @Path("/")
    public static class EchoResource {
        @GET
        @Path("echo")
        @Produces(MediaType.APPLICATION_JSON)
        public java.util.Map<String, String> echo() {
            return java.util.Map.of("echo", "привет");
        }
    }

    private String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        session.execute(command);
        session.close();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
