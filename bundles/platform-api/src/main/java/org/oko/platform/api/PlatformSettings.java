package org.oko.platform.api;

/**
 * Platform-wide settings from {@code etc/org.oko.platform.cfg}. The service is re-registered
 * with new values when the file changes.
 */
public interface PlatformSettings {

    /** Configuration PID of the platform settings. */
    String PID = "org.oko.platform";

    /** HTTP port the web UI and the API listen on. */
    int httpPort();

    /** Folder of the embedded Derby database, or the server's JDBC URL when {@link #embeddedDatabase()} is false. */
    String databaseLocation();

    /**
     * Whether the database is embedded Derby in this node's {@link #databaseLocation() folder} (the default), rather
     * than a PostgreSQL server that several nodes share.
     *
     * @since 1.7
     */
    default boolean embeddedDatabase() {
        return true;
    }

    /** Whether modules load their demo data (a synthetic region) on start. */
    boolean demoData();

    /** OKO platform version. */
    String version();
}
