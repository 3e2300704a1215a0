package org.oko.vpr.internal.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings tables made before works were keyed by school to the current keys: VPR_RESULT's primary
 * key becomes (TEST_KEY, SCHOOL, PARTICIPANT) in that order, VPR_REMARK's unique constraint gains
 * SCHOOL, and the index on (TEST_KEY, SCHOOL) goes: the
 * key's own index now serves a school's works, and a second index to keep up doubled the import's
 * writing. The change log's baseline has the new keys, but is marked as run on a database of the release
 * before migrations, so a Derby database older than that is still upgraded here, once, at start
 * (a change set with a precondition on the old key would take this over).
 */
final class WorkKeys {

    private static final Logger LOG = LoggerFactory.getLogger(WorkKeys.class);

    /** VPR_RESULT's key, in this order. */
    static final List<String> KEY = List.of("TEST_KEY", "SCHOOL", "PARTICIPANT");

    /** The index of earlier releases on VPR_RESULT (TEST_KEY, SCHOOL). */
    static final String REDUNDANT_INDEX = "IX_VPR_RESULT_SCHOOL";

    private WorkKeys() {
    }

    static void upgrade(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            if (!meta.getDatabaseProductName().contains("Derby")) {
                return; // the databases of earlier releases were all Derby; a PostgreSQL one starts in this shape
            }
            String[] seq = new String[3];
            List<String> key = new ArrayList<>();
            try (ResultSet r = meta.getPrimaryKeys(null, null, "VPR_RESULT")) {
                while (r.next()) {
                    key.add(r.getString("COLUMN_NAME"));
                    if (r.getInt("KEY_SEQ") <= seq.length) {
                        seq[r.getInt("KEY_SEQ") - 1] = r.getString("COLUMN_NAME");
                    }
                }
            }
            // In this order the key's index serves a test's works and a school's works of a test; EclipseLink
            // creates the key's columns in an order of its own (SCHOOL first was seen).
            boolean keyInOrder = key.size() == KEY.size() && List.of(seq).equals(KEY);
            boolean remarkOld = false;
            try (ResultSet r = meta.getIndexInfo(null, null, "VPR_REMARK", true, false)) {
                List<String> unique = new ArrayList<>();
                while (r.next()) {
                    if ("UQ_VPR_REMARK".equalsIgnoreCase(r.getString("INDEX_NAME")) || isConstraintIndex(r.getString("INDEX_NAME"))) {
                        unique.add(r.getString("COLUMN_NAME"));
                    }
                }
                remarkOld = unique.contains("PARTICIPANT") && !unique.contains("SCHOOL");
            }
            boolean redundantIndex = false;
            try (ResultSet r = meta.getIndexInfo(null, null, "VPR_RESULT", false, false)) {
                while (r.next()) {
                    redundantIndex |= REDUNDANT_INDEX.equalsIgnoreCase(r.getString("INDEX_NAME"));
                }
            }
            if (keyInOrder && !remarkOld && !redundantIndex) {
                return;
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (!key.isEmpty() && !keyInOrder) {
                    s.executeUpdate("ALTER TABLE VPR_RESULT DROP PRIMARY KEY");
                    s.executeUpdate("ALTER TABLE VPR_RESULT ADD PRIMARY KEY (TEST_KEY, SCHOOL, PARTICIPANT)");
                }
                if (redundantIndex) {
                    s.executeUpdate("DROP INDEX " + REDUNDANT_INDEX);
                }
                if (remarkOld) {
                    s.executeUpdate("ALTER TABLE VPR_REMARK DROP CONSTRAINT UQ_VPR_REMARK");
                    s.executeUpdate("ALTER TABLE VPR_REMARK ADD CONSTRAINT UQ_VPR_REMARK UNIQUE (TEST_KEY, SCHOOL, PARTICIPANT)");
                }
                c.commit();
                LOG.info("ВПР tables upgraded: works are keyed by test, school and participant, without a second index");
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /** Derby names the backing index of a constraint SQL…; EclipseLink's named constraint shows as such. */
    private static boolean isConstraintIndex(String name) {
        return name != null && name.startsWith("SQL");
    }
}
