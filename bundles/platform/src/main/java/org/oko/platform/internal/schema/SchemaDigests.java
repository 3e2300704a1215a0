package org.oko.platform.internal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What spares a start Liquibase's work for bundles whose schema changes already ran: the digest of a bundle's
 * change log files (everything under {@code OKO-INF/db/} and {@code OKO-INF/upgrade/}, and the change log generated
 * from its SQL steps) as it stood when its last update succeeded, in {@code PLATFORM_SCHEMA_DIGEST}. The same digest
 * at the next start means every change set of those files is in the history already; Liquibase then is not asked
 * (it would parse the files, take its lock and compare every change set's checksum: seconds at each start for a
 * dozen bundles). Other files, a new version of the module, or no row — Liquibase runs as before.
 */
final class SchemaDigests {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaDigests.class);
    private static final String[] FOLDERS = {"OKO-INF/db", ChangeLogs.STEPS};

    private final DataSource pool;

    SchemaDigests(DataSource pool) {
        this.pool = pool;
    }

    /** The digest of the bundle's change log files and the change log {@code generated} from its steps. */
    static String of(Bundle bundle, Map<String, String> generated) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bundle.getSymbolicName().getBytes(StandardCharsets.UTF_8));
            for (URL entry : entries(bundle)) {
                sha.update(entry.getPath().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = entry.openStream()) {
                    sha.update(in.readAllBytes());
                }
            }
            new TreeMap<>(generated).forEach((path, text) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update(text.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            return "unreadable " + e.getMessage(); // never equal to a recorded digest: Liquibase runs
        }
    }

    private static List<URL> entries(Bundle bundle) {
        List<URL> entries = new ArrayList<>();
        for (String folder : FOLDERS) {
            Enumeration<URL> found = bundle.findEntries(folder, "*", true);
            if (found != null) {
                entries.addAll(Collections.list(found));
            }
        }
        entries.removeIf(u -> u.getPath().endsWith("/"));
        entries.sort(Comparator.comparing(URL::getPath));
        return entries;
    }

    /** Whether the bundle's schema changes ran with these very files; false where that cannot be read (a first start). */
    boolean current(Bundle bundle, String digest) {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT DIGEST FROM PLATFORM_SCHEMA_DIGEST WHERE BUNDLE = ?")) {
            s.setString(1, bundle.getSymbolicName());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && digest.equals(r.getString(1));
            }
        } catch (SQLException noTableYet) {
            return false;
        }
    }

    /**
     * Remembers the digest after a successful update. Never fails the update it follows: a digest not kept only
     * means Liquibase checks the bundle again at the next start (as when another node inserted the row first).
     */
    void record(Bundle bundle, String digest) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE PLATFORM_SCHEMA_DIGEST SET DIGEST = ?, CHECKED_AT = ? WHERE BUNDLE = ?")) {
                update.setString(1, digest);
                update.setTimestamp(2, Timestamp.from(Instant.now()));
                update.setString(3, bundle.getSymbolicName());
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO PLATFORM_SCHEMA_DIGEST (BUNDLE, DIGEST, CHECKED_AT) VALUES (?, ?, ?)")) {
                insert.setString(1, bundle.getSymbolicName());
                insert.setString(2, digest);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.warn("The schema digest of {} not kept ({}): its change logs are checked again at the next start",
                    bundle.getSymbolicName(), e.getMessage());
        }
    }
}
