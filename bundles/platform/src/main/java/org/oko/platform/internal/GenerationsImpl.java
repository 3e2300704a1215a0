package org.oko.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.oko.platform.api.PlatformSettings;
import org.oko.platform.api.cache.Generation;
import org.oko.platform.api.cache.Generations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generations in this process on embedded Derby (one node); on a database server rows of {@code PLATFORM_GENERATION}
 * that every node advances and reads, each read kept for {@value #READ_MILLIS} ms so that a busy page costs a node
 * one small query a second per name.
 */
@Component(service = Generations.class)
public class GenerationsImpl implements Generations {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationsImpl.class);
    static final long READ_MILLIS = 1000;

    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    @Reference
    private PlatformSettings settings;

    private final Map<String, Generation> generations = new ConcurrentHashMap<>();
    private boolean shared;

    public GenerationsImpl() {
    }

    /** On a data source of the caller's, shared between "nodes" as on a server (the unit test). */
    GenerationsImpl(DataSource dataSource) {
        this.dataSource = dataSource;
        this.shared = true;
    }

    @Activate
    void activate() {
        shared = !settings.embeddedDatabase();
    }

    @Override
    public Generation of(String name) {
        return generations.computeIfAbsent(name, n -> shared ? new Shared(n) : Generation.local());
    }

    private final class Shared implements Generation {
        private final String name;
        private volatile long value;
        private volatile long readAt; // 0: never read, or read again at once
        /** A failed read answers a number never answered before, so nothing kept is taken as current. */
        private final AtomicLong unread = new AtomicLong(Long.MIN_VALUE);

        Shared(String name) {
            this.name = name;
        }

        @Override
        public long current() {
            long now = System.currentTimeMillis();
            if (now - readAt < READ_MILLIS) {
                return value;
            }
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT GEN FROM PLATFORM_GENERATION WHERE NAME = ?")) {
                c.setAutoCommit(true);
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    value = r.next() ? r.getLong(1) : 0;
                }
                readAt = now;
                return value;
            } catch (SQLException e) {
                LOG.warn("Generation {} not read: {}", name, e.toString());
                return unread.incrementAndGet();
            }
        }

        @Override
        public void advance() {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                if (update(c) == 0) {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO PLATFORM_GENERATION (NAME, GEN) VALUES (?, 1)")) {
                        insert.setString(1, name);
                        insert.executeUpdate();
                    } catch (SQLException raced) {
                        if (!raced.getSQLState().startsWith("23")) { // another node inserted it first: advance that row
                            throw raced;
                        }
                        update(c);
                    }
                }
            } catch (SQLException e) {
                LOG.warn("Generation {} not advanced, other nodes see the change within their cache's age: {}", name, e.toString());
            }
            readAt = 0; // this node reads the new number at once
        }

        private int update(Connection c) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("UPDATE PLATFORM_GENERATION SET GEN = GEN + 1 WHERE NAME = ?")) {
                s.setString(1, name);
                return s.executeUpdate();
            }
        }
    }
}
