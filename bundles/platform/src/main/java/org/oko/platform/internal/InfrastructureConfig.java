package org.oko.platform.internal;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the platform settings into the configurations of the infrastructure underneath: the
 * HTTP port of Pax Web and the data source of pax-jdbc-config (embedded Derby, or a PostgreSQL
 * server through a HikariCP pool). Administrators then edit one file, {@code etc/org.oko.platform.cfg},
 * instead of three.
 */
final class InfrastructureConfig {

    static final String PAX_WEB_PID = "org.ops4j.pax.web";
    static final String PAX_WEB_PORT = "org.osgi.service.http.port";
    static final String DATASOURCE_FACTORY_PID = "org.ops4j.datasource";
    /** Name of the shared data source; persistence units select it by osgi.jndi.service.name. */
    static final String DATASOURCE_NAME = "oko";
    /**
     * The name pax-jdbc registers the configured database under: the platform's migrations run on it and then
     * offer it as {@value #DATASOURCE_NAME} ({@link org.oko.platform.internal.schema.Migrations}).
     */
    static final String POOL_NAME = org.oko.platform.internal.schema.Migrations.POOL;

    private InfrastructureConfig() {
    }

    /** The database folder: blank means the default under Karaf's data folder; relative means under Karaf's home. */
    static String resolveDatabaseLocation(String configured, String karafHome, String karafData) {
        if (configured == null || configured.isBlank()) {
            return Path.of(karafData, "derby", DATASOURCE_NAME).toAbsolutePath().normalize().toString();
        }
        Path path = Path.of(configured.trim());
        if (!path.isAbsolute()) {
            path = Path.of(karafHome).resolve(path);
        }
        return path.toAbsolutePath().normalize().toString();
    }

    /** Properties of the pax-jdbc-config factory configuration for the embedded database. */
    static Map<String, String> dataSourceProperties(String databaseLocation) {
        return Map.of(
                "osgi.jdbc.driver.name", "derby",
                "dataSourceName", POOL_NAME,
                "url", "jdbc:derby:" + databaseLocation + ";create=true");
    }

    /** The JDBC driver name pgjdbc registers its DataSourceFactory under (pax-jdbc-postgresql). */
    static final String POSTGRESQL_DRIVER = "PostgreSQL JDBC Driver";

    /**
     * Properties of the pax-jdbc-config factory configuration for a database server, pooled by HikariCP.
     * Only PostgreSQL is supported: the SQL the bundles write by hand is checked on Derby and PostgreSQL.
     */
    static Map<String, String> serverDataSourceProperties(String url, String user, String password, int poolSize) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("db.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), not " + url);
        }
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("osgi.jdbc.driver.name", POSTGRESQL_DRIVER);
        properties.put("dataSourceName", POOL_NAME);
        properties.put("url", url);
        properties.put("user", user == null ? "" : user);
        properties.put("password", password == null ? "" : password);
        properties.put("pool", "hikari");
        properties.put("xa", "false");
        properties.put("pool.maximumPoolSize", String.valueOf(Math.max(2, poolSize)));
        properties.put("pool.poolName", "oko");
        return properties;
    }

    /**
     * The configuration holding exactly the wanted keys (besides the ones Configuration Admin and FileInstall
     * keep), or null when it already does: moving between Derby and a server drops the other's keys.
     */
    static Dictionary<String, Object> replacing(Dictionary<String, Object> current, Map<String, ?> wanted) {
        Dictionary<String, Object> updated = new Hashtable<>();
        boolean changed = current == null;
        if (current != null) {
            for (var keys = current.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                if (key.startsWith("service.") || key.startsWith("felix.")) {
                    updated.put(key, current.get(key));
                } else if (!wanted.containsKey(key)) {
                    changed = true;
                }
            }
        }
        for (Map.Entry<String, ?> entry : wanted.entrySet()) {
            Object old = current == null ? null : current.get(entry.getKey());
            updated.put(entry.getKey(), entry.getValue());
            changed |= old == null || !String.valueOf(old).equals(String.valueOf(entry.getValue()));
        }
        return changed ? updated : null;
    }

    /**
     * True when the data source already opens the database at this location, however the path was
     * written (FileInstall substitutes ${karaf.data} as it stands, with doubled or dotted segments).
     * Leaving an equal configuration alone keeps the data source from restarting at every boot.
     */
    static boolean sameDerbyUrl(Dictionary<String, Object> current, String databaseLocation) {
        Object url = current == null ? null : current.get("url");
        if (url == null || !String.valueOf(url).startsWith("jdbc:derby:")) {
            return false;
        }
        String rest = String.valueOf(url).substring("jdbc:derby:".length());
        int attributes = rest.indexOf(';');
        String path = attributes < 0 ? rest : rest.substring(0, attributes);
        String tail = attributes < 0 ? "" : rest.substring(attributes);
        return tail.equals(";create=true")
                && Path.of(path).toAbsolutePath().normalize().equals(Path.of(databaseLocation).toAbsolutePath().normalize())
                && POOL_NAME.equals(String.valueOf(current.get("dataSourceName")))
                && "derby".equals(String.valueOf(current.get("osgi.jdbc.driver.name")));
    }

    /**
     * The current configuration with the wanted values applied, or null when it already holds them,
     * so that unchanged settings never restart Jetty or the data source.
     */
    static Dictionary<String, Object> withValues(Dictionary<String, Object> current, Map<String, ?> wanted) {
        Dictionary<String, Object> updated = new Hashtable<>();
        if (current != null) {
            for (var keys = current.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                updated.put(key, current.get(key));
            }
        }
        boolean changed = current == null;
        for (Map.Entry<String, ?> entry : wanted.entrySet()) {
            Object old = updated.get(entry.getKey());
            if (old == null || !Objects.equals(String.valueOf(old), String.valueOf(entry.getValue()))) {
                updated.put(entry.getKey(), entry.getValue());
                changed = true;
            }
        }
        return changed ? updated : null;
    }
}
