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
        assertEquals("oko", properties.get("dataSourceName"));
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
                "dataSourceName", "oko", "url", "jdbc:derby:/opt/oko/./data//derby/oko;create=true"));
        assertTrue(InfrastructureConfig.sameDerbyUrl(shipped, "/opt/oko/data/derby/oko"));
        assertFalse(InfrastructureConfig.sameDerbyUrl(shipped, "/srv/oko-db"));
        shipped.put("url", "jdbc:derby:/opt/oko/data/derby/oko");
        assertFalse(InfrastructureConfig.sameDerbyUrl(shipped, "/opt/oko/data/derby/oko"), "create=true is needed");
        assertFalse(InfrastructureConfig.sameDerbyUrl(null, "/opt/oko/data/derby/oko"));
    }
}
