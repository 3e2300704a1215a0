package org.oko.forms.internal.submission;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops, once, the index on the history's SUBMISSION_ID alone that earlier releases created: the
 * (SUBMISSION_ID, KIND) index serves the same lookups, and with both Derby kept two indexes up on
 * every save and chose the narrower one for a submission's events of one kind, reading every event
 * row of the submission (docs/performance.md). A database without it (a new one) is left alone.
 */
@Component(immediate = true)
public class EventIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(EventIndexes.class);
    static final String TABLE = "OKO_SUBMISSION_EVENT";
    static final String REDUNDANT = "OKO_SUBMISSION_EVENT_SUB";

    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    @Activate
    void activate() {
        try (Connection c = dataSource.getConnection()) {
            if (has(c.getMetaData(), REDUNDANT)) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DROP INDEX " + REDUNDANT);
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                LOG.info("Index {} of {} dropped: ({}, KIND) serves its lookups", REDUNDANT, TABLE, "SUBMISSION_ID");
            }
        } catch (SQLException e) {
            LOG.warn("Index {} of {} not dropped (saves stay correct, only slower): {}", REDUNDANT, TABLE, e.toString());
        }
    }

    static boolean has(DatabaseMetaData meta, String index) throws SQLException {
        for (String table : new String[] {TABLE, TABLE.toLowerCase()}) {
            try (ResultSet r = meta.getIndexInfo(null, null, table, false, false)) {
                while (r.next()) {
                    if (index.equalsIgnoreCase(r.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
