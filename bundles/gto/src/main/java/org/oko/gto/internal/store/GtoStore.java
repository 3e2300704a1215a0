package org.oko.gto.internal.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.oko.gto.internal.badge.BadgeCalculator;
import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.norms.Sex;
import org.oko.gto.internal.results.Participant;
import org.oko.platform.api.cache.Generation;
import org.oko.tables.api.BatchWriter;

/**
 * The tests stored: written by an import in one transaction of JDBC batches (the kit's
 * {@link BatchWriter} feeds it while the file is still being read), read back with plain queries for
 * the counts and a school's list. The tables are the persistence unit's ({@link TestEntity},
 * {@link ImportEntity}).
 */
public final class GtoStore {

    /** Tests per batch handed to the writer. */
    public static final int BATCH = 1000;

    private static final String INSERT = "INSERT INTO GTO_TEST (SCHOOL, PARTICIPANT, TEST_DATE, GTO_ID, SEX, BIRTH_DATE, STAGE, BADGE,"
            + " EDITION, RESULTS, IMPORT_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT SCHOOL, PARTICIPANT, TEST_DATE, GTO_ID, SEX, BIRTH_DATE, STAGE, BADGE, EDITION, RESULTS"
            + " FROM GTO_TEST";

    /** What an import wrote. */
    public record Written(long importId, int tests) {
    }

    private final DataSource dataSource;
    /** Moves on with every committed import (on every node), so that counts kept in memory know they are stale. */
    private final Generation generation;

    public GtoStore(DataSource dataSource) {
        this(dataSource, Generation.local());
    }

    public GtoStore(DataSource dataSource, Generation generation) {
        this.dataSource = dataSource;
        this.generation = generation;
    }

    public long generation() {
        return generation.current();
    }

    /** The keys ({@link Participant#key}) of every stored test: an import refuses them again. */
    public Set<String> keys() throws SQLException {
        Set<String> keys = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT SCHOOL, PARTICIPANT, TEST_DATE FROM GTO_TEST")) {
            while (rows.next()) {
                keys.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getDate(3).toLocalDate());
            }
        }
        return keys;
    }

    /** The years that have tests, the newest first. */
    public List<Integer> years() throws SQLException {
        // The test days, not YEAR(…): Derby and PostgreSQL name that function differently (a few hundred days a year).
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT DISTINCT TEST_DATE FROM GTO_TEST")) {
            while (rows.next()) {
                years.add(rows.getDate(1).toLocalDate().getYear());
            }
        }
        return new ArrayList<>(years);
    }

    /**
     * The stored tests of a year (of every year when null), as the counts read them: each with its stage
     * and badge as judged at the import; the events' levels are not kept (a participant's view judges them again).
     */
    public List<Participant> tests(Integer year) throws SQLException {
        List<Participant> tests = new ArrayList<>();
        String sql = year == null ? SELECT : SELECT + " WHERE TEST_DATE >= ? AND TEST_DATE < ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (year != null) {
                s.setDate(1, Date.valueOf(java.time.LocalDate.of(year, 1, 1)));
                s.setDate(2, Date.valueOf(java.time.LocalDate.of(year + 1, 1, 1)));
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String badge = rows.getString(8);
                    tests.add(new Participant(rows.getString(2), rows.getString(4), Sex.valueOf(rows.getString(5)),
                            rows.getDate(6).toLocalDate(), rows.getString(1), rows.getDate(3).toLocalDate(), results(rows.getString(10)),
                            rows.getString(9), new BadgeCalculator.Assessment(rows.getInt(7), Map.of(),
                            badge == null ? null : Level.valueOf(badge), List.of())));
                }
            }
        }
        return tests;
    }

    /** An import's transaction, for the kit's {@link BatchWriter}: the import's line first, then the tests batch by batch. */
    public BatchWriter.Transaction<List<Participant>, Written> begin(String fileName, String actor) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            long importId = line(connection, fileName, actor);
            PreparedStatement insert = connection.prepareStatement(INSERT);
            return new BatchWriter.Transaction<>() {
                private int tests;
                private boolean committed;

                @Override
                public void write(List<Participant> batch) throws SQLException {
                    for (Participant p : batch) {
                        insert.setString(1, p.school());
                        insert.setString(2, p.code());
                        insert.setDate(3, Date.valueOf(p.testDate()));
                        insert.setString(4, p.gtoId());
                        insert.setString(5, p.sex().name());
                        insert.setDate(6, Date.valueOf(p.birthDate()));
                        insert.setInt(7, p.assessment().stage());
                        insert.setString(8, p.assessment().badge() == null ? null : p.assessment().badge().name());
                        insert.setString(9, p.edition());
                        insert.setString(10, written(p.results()));
                        insert.setLong(11, importId);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    tests += batch.size();
                }

                @Override
                public Written commit() throws SQLException {
                    try (PreparedStatement line = connection.prepareStatement("UPDATE GTO_IMPORT SET TESTS = ? WHERE ID = ?")) {
                        line.setInt(1, tests);
                        line.setLong(2, importId);
                        line.executeUpdate();
                    }
                    connection.commit();
                    committed = true;
                    generation.advance();
                    return new Written(importId, tests);
                }

                @Override
                public void close() throws SQLException {
                    try (connection; insert) {
                        if (!committed) {
                            connection.rollback();
                        }
                    }
                }
            };
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            connection.close();
            throw e;
        }
    }

    private static long line(Connection connection, String fileName, String actor) throws SQLException {
        try (PreparedStatement line = connection.prepareStatement("INSERT INTO GTO_IMPORT (FILE_NAME, ACTOR, IMPORTED_AT, TESTS)"
                + " VALUES (?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            line.setString(1, fileName == null ? null : fileName.substring(0, Math.min(200, fileName.length())));
            line.setString(2, actor);
            line.setTimestamp(3, Timestamp.from(Instant.now()));
            line.executeUpdate();
            try (ResultSet keys = line.getGeneratedKeys()) {
                keys.next();
                // Derby answers the identity column alone, PostgreSQL the whole row (RETURNING *).
                return keys.getMetaData().getColumnCount() == 1 ? keys.getLong(1) : keys.getLong("ID");
            }
        }
    }

    /** Results as stored: "code=result" joined by ";" (a result with either sign never reads as one, so none is stored). */
    static String written(Map<String, String> results) {
        StringBuilder text = new StringBuilder();
        results.forEach((code, result) -> text.append(text.length() == 0 ? "" : ";").append(code).append('=').append(result));
        return text.toString();
    }

    static Map<String, String> results(String written) {
        Map<String, String> results = new LinkedHashMap<>();
        if (written != null && !written.isEmpty()) {
            for (String pair : written.split(";")) {
                int at = pair.indexOf('=');
                results.put(pair.substring(0, at), pair.substring(at + 1));
            }
        }
        return results;
    }
}
