package org.oko.platform.internal;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.oko.platform.api.jobs.Claims;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims as rows of PLATFORM_CLAIM (name, holder, until), created on first use in SQL Derby and PostgreSQL both read.
 * A claim is taken by inserting its row, or by moving a row whose time ran out to this node, each in a statement of
 * its own: the database lets one node win. Times are the nodes' clocks, which must agree within far less than a hold
 * (docs/scale-out.md).
 */
@Component(service = Claims.class)
public class ClaimsImpl implements Claims {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimsImpl.class);
    /** A duplicate key (SQL standard class 23, Derby and PostgreSQL alike). */
    private static final String DUPLICATE = "23";
    /** This JVM, as the holder's name: process id and host. */
    static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    @Reference(target = "(osgi.jndi.service.name=" + InfrastructureConfig.DATASOURCE_NAME + ")")
    private DataSource dataSource;

    private final String holder;

    public ClaimsImpl() {
        this(null, NODE);
    }

    /** On a data source of the caller's, as the given node (the tests' two nodes in one JVM). */
    ClaimsImpl(DataSource dataSource, String holder) {
        this.dataSource = dataSource;
        this.holder = holder;
    }

    @Override
    public boolean runClaimed(String name, Duration hold, Work work) throws Exception {
        Instant start = Instant.now();
        if (!claim(name, start, start.plus(hold))) {
            LOG.info("{} runs on another node (claimed)", name);
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            // Held for the whole hold from the start, or until now when the work took longer.
            Instant end = Instant.now();
            release(name, end.isAfter(start.plus(hold)) ? end : start.plus(hold));
        }
    }

    boolean claim(String name, Instant now, Instant until) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO PLATFORM_CLAIM (NAME, HOLDER, CLAIMED_AT, HELD_UNTIL)"
                    + " VALUES (?, ?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, holder);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setTimestamp(4, Timestamp.from(until));
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith(DUPLICATE)) {
                    throw e;
                }
            }
            try (PreparedStatement take = c.prepareStatement("UPDATE PLATFORM_CLAIM SET HOLDER = ?, CLAIMED_AT = ?, HELD_UNTIL = ?"
                    + " WHERE NAME = ? AND HELD_UNTIL < ?")) {
                take.setString(1, holder);
                take.setTimestamp(2, Timestamp.from(now));
                take.setTimestamp(3, Timestamp.from(until));
                take.setString(4, name);
                take.setTimestamp(5, Timestamp.from(now));
                return take.executeUpdate() == 1;
            }
        }
    }

    private void release(String name, Instant until) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE PLATFORM_CLAIM SET HELD_UNTIL = ? WHERE NAME = ? AND HOLDER = ?")) {
            c.setAutoCommit(true);
            s.setTimestamp(1, Timestamp.from(until));
            s.setString(2, name);
            s.setString(3, holder);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Claim {} not released (it runs out by itself): {}", name, e.toString());
        }
    }

}
