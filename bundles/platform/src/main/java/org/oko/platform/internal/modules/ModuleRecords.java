package org.oko.platform.internal.modules;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The platform's records of modules, in plain JDBC because an upgrade step and its record must share
 * one transaction: the steps applied per module, the module repositories an administrator added, and
 * every install, upgrade and rollback (where the rollback finds the version to go back to).
 * The tables are created on first use, in SQL that Derby and PostgreSQL both read.
 */
public final class ModuleRecords {

    public record Step(String module, String name, String version, Instant appliedAt) {
    }

    public record Repository(String url, String addedBy, Instant addedAt) {
    }

    /** One install of a module version from a KAR kept under the data folder. */
    public record Install(long id, String feature, String version, String action, String repository, String kar,
                          String by, Instant at) {
    }

    private static final String[][] TABLES = {
        {"PLATFORM_MODULE_STEP", "CREATE TABLE PLATFORM_MODULE_STEP (MODULE VARCHAR(200) NOT NULL, STEP VARCHAR(200) NOT NULL,"
                + " MODULE_VERSION VARCHAR(100) NOT NULL, APPLIED_AT TIMESTAMP NOT NULL, PRIMARY KEY (MODULE, STEP))"},
        {"PLATFORM_MODULE_REPOSITORY", "CREATE TABLE PLATFORM_MODULE_REPOSITORY (URL VARCHAR(1000) NOT NULL PRIMARY KEY,"
                + " ADDED_BY VARCHAR(100) NOT NULL, ADDED_AT TIMESTAMP NOT NULL)"},
        {"PLATFORM_MODULE_INSTALL", "CREATE TABLE PLATFORM_MODULE_INSTALL (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                + " FEATURE VARCHAR(200) NOT NULL, FEATURE_VERSION VARCHAR(100) NOT NULL, ACTION VARCHAR(20) NOT NULL,"
                + " REPOSITORY VARCHAR(1000), KAR VARCHAR(1000) NOT NULL, DONE_BY VARCHAR(100) NOT NULL, DONE_AT TIMESTAMP NOT NULL)"},
    };

    private final DataSource dataSource;
    private volatile boolean ready;

    public ModuleRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Step> steps(String module) throws SQLException {
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("SELECT MODULE, STEP, MODULE_VERSION, APPLIED_AT FROM PLATFORM_MODULE_STEP"
                     + " WHERE MODULE = ? ORDER BY STEP")) {
            s.setString(1, module);
            List<Step> steps = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    steps.add(new Step(r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant()));
                }
            }
            return steps;
        }
    }

    /** Records a step inside the step's own transaction. */
    void stepDone(Connection c, String module, String step, String version) throws SQLException {
        ensureTables();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO PLATFORM_MODULE_STEP (MODULE, STEP, MODULE_VERSION, APPLIED_AT)"
                + " VALUES (?, ?, ?, ?)")) {
            s.setString(1, module);
            s.setString(2, step);
            s.setString(3, version);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    public List<Repository> repositories() throws SQLException {
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("SELECT URL, ADDED_BY, ADDED_AT FROM PLATFORM_MODULE_REPOSITORY ORDER BY ADDED_AT");
             ResultSet r = s.executeQuery()) {
            List<Repository> list = new ArrayList<>();
            while (r.next()) {
                list.add(new Repository(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant()));
            }
            return list;
        }
    }

    /** Adds a repository; false when it was there already. */
    public boolean addRepository(String url, String by) throws SQLException {
        try (Connection c = connection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM PLATFORM_MODULE_REPOSITORY WHERE URL = ?")) {
                s.setString(1, url);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO PLATFORM_MODULE_REPOSITORY (URL, ADDED_BY, ADDED_AT) VALUES (?, ?, ?)")) {
                s.setString(1, url);
                s.setString(2, by);
                s.setTimestamp(3, Timestamp.from(Instant.now()));
                s.executeUpdate();
            }
            return true;
        }
    }

    public boolean removeRepository(String url) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("DELETE FROM PLATFORM_MODULE_REPOSITORY WHERE URL = ?")) {
            s.setString(1, url);
            return s.executeUpdate() > 0;
        }
    }

    public void installed(String feature, String version, String action, String repository, String kar, String by) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("INSERT INTO PLATFORM_MODULE_INSTALL"
                + " (FEATURE, FEATURE_VERSION, ACTION, REPOSITORY, KAR, DONE_BY, DONE_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, feature);
            s.setString(2, version);
            s.setString(3, action);
            s.setString(4, repository);
            s.setString(5, kar);
            s.setString(6, by);
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    /** Installs of one feature (or of all when null), newest first. */
    public List<Install> installs(String feature) throws SQLException {
        String sql = "SELECT ID, FEATURE, FEATURE_VERSION, ACTION, REPOSITORY, KAR, DONE_BY, DONE_AT FROM PLATFORM_MODULE_INSTALL"
                + (feature == null ? "" : " WHERE FEATURE = ?") + " ORDER BY ID DESC";
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (feature != null) {
                s.setString(1, feature);
            }
            List<Install> list = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new Install(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getTimestamp(8).toInstant()));
                }
            }
            return list;
        }
    }

    private Connection connection() throws SQLException {
        ensureTables();
        return dataSource.getConnection();
    }

    private void ensureTables() throws SQLException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                for (String[] table : TABLES) {
                    if (!exists(meta, table[0]) && !exists(meta, table[0].toLowerCase())) {
                        try (var s = c.createStatement()) {
                            s.execute(table[1]);
                        }
                    }
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            ready = true;
        }
    }

    private static boolean exists(DatabaseMetaData meta, String table) throws SQLException {
        try (ResultSet r = meta.getTables(null, null, table, new String[] {"TABLE"})) {
            return r.next();
        }
    }
}
