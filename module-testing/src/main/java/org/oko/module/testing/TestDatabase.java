package org.oko.module.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database a test's OKO runs on. Embedded Derby in the installation's folder by default; when the system
 * property {@value #SERVER} names a PostgreSQL server (a JDBC URL of a database there that the user may create
 * databases from, e.g. {@code jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres}), each installation gets a
 * new, empty database of its own on that server, as a fresh Derby folder would be.
 */
public final class TestDatabase {

    /** The system property naming the PostgreSQL server the tests run on; unset means Derby. */
    public static final String SERVER = "oko.database.server";

    private static final AtomicInteger COUNT = new AtomicInteger();

    private TestDatabase() {
    }

    /** Whether the tests run on a PostgreSQL server. */
    public static boolean onServer() {
        return server().isPresent();
    }

    private static Optional<String> server() {
        String url = System.getProperty(SERVER);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.trim());
    }

    /**
     * A new empty database on the server and the settings that point an installation at it ({@code db.url},
     * {@code db.user}, {@code db.password} of {@code etc/org.oko.platform.cfg}), or empty on Derby.
     */
    public static Optional<java.util.Map<String, String>> freshSettings() {
        return server().map(url -> {
            String name = "oko_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet() + "_" + System.currentTimeMillis() % 100_000;
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a test database on " + url + ": " + e.getMessage(), e);
            }
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            String parameters = query < 0 ? "" : url.substring(query + 1);
            String user = parameter(parameters, "user");
            String password = parameter(parameters, "password");
            return java.util.Map.of("db.url", base.substring(0, base.lastIndexOf('/') + 1) + name,
                    "db.user", user, "db.password", password);
        });
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
