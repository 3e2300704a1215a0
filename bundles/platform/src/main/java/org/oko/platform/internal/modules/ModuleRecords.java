package org.oko.platform.internal.modules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The platform's records of modules, in plain JDBC: the module repositories an administrator added, and
 * every install, upgrade and rollback (where the rollback finds the version to go back to). The tables are
 * the platform's change log's (OKO-INF/db/changelog.xml); the steps a module had applied are Liquibase's history
 * ({@link org.oko.platform.internal.schema.Migrations#applied}).
 */
public final class ModuleRecords {

    public record Repository(String url, String addedBy, Instant addedAt) {
    }

    /** One install of a module version from a KAR kept under the data folder. */
    public record Install(long id, String feature, String version, String action, String repository, String kar,
                          String by, Instant at) {
    }

    private final DataSource dataSource;

    public ModuleRecords(DataSource dataSource) {
        this.dataSource = dataSource;
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
        return dataSource.getConnection();
    }

}
