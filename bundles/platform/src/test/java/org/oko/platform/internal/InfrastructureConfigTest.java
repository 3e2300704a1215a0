package org.oko.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InfrastructureConfigTest {

    @Test
    void blankLocationMeansTheDefaultUnderKarafData() {
        assertEquals("/opt/oko/data/derby/oko",
                InfrastructureConfig.resolveDatabaseLocation("  ", "/opt/oko", "/opt/oko/data"));
        assertEquals("/opt/oko/data/derby/oko",
                InfrastructureConfig.resolveDatabaseLocation(null, "/opt/oko", "/opt/oko/data"));
    }

    @Test
    void relativeLocationIsUnderKarafHomeAndAbsoluteStaysAsItIs() {
        assertEquals("/opt/oko/db/region",
                InfrastructureConfig.resolveDatabaseLocation("db/region", "/opt/oko", "/opt/oko/data"));
        assertEquals("/srv/oko-db",
                InfrastructureConfig.resolveDatabaseLocation("/srv/x/../oko-db", "/opt/oko", "/opt/oko/data"));
    }

    @Test
    void dataSourceIsEmbeddedDerbyCreatedOnFirstUse() {
        Map<String, String> properties = InfrastructureConfig.dataSourceProperties("/srv/oko-db");
        assertEquals("derby", properties.get("osgi.jdbc.driver.name"));
        assertEquals("oko.pool", properties.get("dataSourceName"));
        assertEquals("jdbc:derby:/srv/oko-db;create=true", properties.get("url"));
    }

    @Test
    void unchangedValuesCauseNoUpdate() {
        Dictionary<String, Object> current = new Hashtable<>();
        current.put("org.osgi.service.http.port", "8181");
        current.put("org.ops4j.pax.web.config.file", "etc/jetty.xml");
        assertNull(InfrastructureConfig.withValues(current, Map.of("org.osgi.service.http.port", "8181")));
    }

    @Test
    void changedValueIsAppliedAndOtherKeysKept() {
        Dictionary<String, Object> current = new Hashtable<>();
        current.put("org.osgi.service.http.port", 8181);
        current.put("org.ops4j.pax.web.config.file", "etc/jetty.xml");
        Dictionary<String, Object> updated =
                InfrastructureConfig.withValues(current, Map.of("org.osgi.service.http.port", "9090"));
        assertNotNull(updated);
        assertEquals("9090", updated.get("org.osgi.service.http.port"));
        assertEquals("etc/jetty.xml", updated.get("org.ops4j.pax.web.config.file"));
    }

    @Test
    void missingConfigurationIsCreated() {
        Dictionary<String, Object> created = InfrastructureConfig.withValues(null, Map.of("url", "jdbc:derby:x"));
        assertNotNull(created);
        assertEquals("jdbc:derby:x", created.get("url"));
    }

    @Test
    void shippedDataSourceFileMatchesTheDefaultLocationHoweverThePathIsWritten() {
        Dictionary<String, Object> shipped = new Hashtable<>(Map.of("osgi.jdbc.driver.name", "derby",
                "dataSourceName", "oko.pool", "url", "jdbc:derby:/opt/oko/./data//derby/oko;create=true"));
        assertTrue(InfrastructureConfig.sameDerbyUrl(shipped, "/opt/oko/data/derby/oko"));
        assertFalse(InfrastructureConfig.sameDerbyUrl(shipped, "/srv/oko-db"));
        shipped.put("url", "jdbc:derby:/opt/oko/data/derby/oko");
        assertFalse(InfrastructureConfig.sameDerbyUrl(shipped, "/opt/oko/data/derby/oko"), "create=true is needed");
        assertFalse(InfrastructureConfig.sameDerbyUrl(null, "/opt/oko/data/derby/oko"));
        shipped.put("url", "jdbc:derby:/opt/oko/data/derby/oko;create=true");
        shipped.put("dataSourceName", "oko");
        assertFalse(InfrastructureConfig.sameDerbyUrl(shipped, "/opt/oko/data/derby/oko"),
                "an earlier release's file names the data source oko: rewritten to oko.pool, which the migrations gate");
    }
    @Test
    void aServerIsPostgreSqlThroughAHikariPool() {
        Map<String, String> properties = InfrastructureConfig.serverDataSourceProperties("jdbc:postgresql://db:5432/oko", "oko", "secret", 30);
        assertEquals("PostgreSQL JDBC Driver", properties.get("osgi.jdbc.driver.name"));
        assertEquals("oko.pool", properties.get("dataSourceName"));
        assertEquals("jdbc:postgresql://db:5432/oko", properties.get("url"));
        assertEquals("oko", properties.get("user"));
        assertEquals("secret", properties.get("password"));
        assertEquals("hikari", properties.get("pool"));
        assertEquals("30", properties.get("pool.maximumPoolSize"));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> InfrastructureConfig.serverDataSourceProperties("jdbc:mysql://db/oko", "", "", 10));
        assertTrue(refused.getMessage().contains("PostgreSQL"), refused.getMessage());
    }

    @Test
    void movingBetweenDerbyAndAServerDropsTheOthersKeysAndKeepsFileInstalls() {
        Dictionary<String, Object> server = new Hashtable<>(InfrastructureConfig.serverDataSourceProperties("jdbc:postgresql://db/oko", "oko", "x", 20));
        server.put("felix.fileinstall.filename", "file:/opt/oko/etc/org.ops4j.datasource-oko.cfg");
        server.put("service.factoryPid", "org.ops4j.datasource");
        Dictionary<String, Object> derby = InfrastructureConfig.replacing(server, InfrastructureConfig.dataSourceProperties("/srv/oko"));
        assertNotNull(derby);
        assertNull(derby.get("pool"));
        assertNull(derby.get("password"));
        assertEquals("derby", derby.get("osgi.jdbc.driver.name"));
        assertEquals("file:/opt/oko/etc/org.ops4j.datasource-oko.cfg", derby.get("felix.fileinstall.filename"));
        assertNull(InfrastructureConfig.replacing(derby, InfrastructureConfig.dataSourceProperties("/srv/oko")), "nothing to change");
    }
}
