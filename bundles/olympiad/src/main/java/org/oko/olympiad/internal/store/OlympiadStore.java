package org.oko.olympiad.internal.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.rules.Status;
import org.oko.platform.api.cache.Generation;
import org.oko.tables.api.BatchWriter;

/**
 * The module's tables on OKO's data source with plain JDBC (created by {@code OKO-INF/upgrade/001-olympiad.sql},
 * kept when the module is removed): the participations, written by an import in one transaction of JDBC batches
 * while the file is still being read, and the organisers' maximum and passing scores.
 */
public final class OlympiadStore {

    /** Participations per batch handed to the writer. */
    public static final int BATCH = 500;

    private static final String DELETE = "DELETE FROM OLY_RESULT WHERE OLY_YEAR = ? AND STAGE = ? AND SUBJECT = ? AND PARTICIPANT = ?";
    private static final String INSERT = "INSERT INTO OLY_RESULT (OLY_YEAR, STAGE, SUBJECT, PARTICIPANT, GRADE, SCHOOL, SCORE, FILE_STATUS,"
            + " IMPORTED_BY, IMPORTED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** What an import wrote: its rows, of which {@code replaced} replaced a stored participation (a corrected protocol). */
    public record Written(int participations, int replaced) {
    }

    private final DataSource dataSource;
    /** Moves on with every committed write (on every node), so that figures kept in memory know they are stale. */
    private final Generation generation;

    public OlympiadStore(DataSource dataSource) {
        this(dataSource, Generation.local());
    }

    public OlympiadStore(DataSource dataSource, Generation generation) {
        this.dataSource = dataSource;
        this.generation = generation;
    }

    public long generation() {
        return generation.current();
    }

    /** A year's participations. */
    public List<Participation> participations(int year) throws SQLException {
        List<Participation> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT STAGE, SUBJECT, PARTICIPANT, GRADE, SCHOOL, SCORE, FILE_STATUS FROM OLY_RESULT WHERE OLY_YEAR = ?")) {
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String status = r.getString(7);
                    all.add(new Participation(year, r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5),
                            plain(r.getBigDecimal(6)), status == null ? null : Status.valueOf(status)));
                }
            }
        }
        return all;
    }

    /**
     * An import's transaction, for the kit's {@link BatchWriter}: each participation replaces the stored one of the same
     * year, stage, subject and participant, if any — a corrected protocol is uploaded again.
     */
    public BatchWriter.Transaction<List<Participation>, Written> begin(String actor) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            PreparedStatement delete = connection.prepareStatement(DELETE);
            PreparedStatement insert = connection.prepareStatement(INSERT);
            Timestamp now = Timestamp.from(Instant.now());
            return new BatchWriter.Transaction<>() {
                private int written;
                private int replaced;
                private boolean committed;

                @Override
                public void write(List<Participation> batch) throws SQLException {
                    for (Participation p : batch) {
                        delete.setInt(1, p.year());
                        delete.setString(2, p.stage());
                        delete.setString(3, p.subject());
                        delete.setString(4, p.participant());
                        delete.addBatch();
                        insert.setInt(1, p.year());
                        insert.setString(2, p.stage());
                        insert.setString(3, p.subject());
                        insert.setString(4, p.participant());
                        insert.setInt(5, p.grade());
                        insert.setString(6, p.school());
                        insert.setBigDecimal(7, p.score());
                        insert.setString(8, p.fileStatus() == null ? null : p.fileStatus().name());
                        insert.setString(9, actor);
                        insert.setTimestamp(10, now);
                        insert.addBatch();
                    }
                    for (int count : delete.executeBatch()) {
                        replaced += count > 0 ? 1 : 0;
                    }
                    insert.executeBatch();
                    written += batch.size();
                }

                @Override
                public Written commit() throws SQLException {
                    connection.commit();
                    committed = true;
                    generation.advance();
                    return new Written(written, replaced);
                }

                @Override
                public void close() throws SQLException {
                    try (connection; delete; insert) {
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

    /** A year's maximum and passing scores. */
    public Scores scores(int year) throws SQLException {
        List<Scores.Setting> settings = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT STAGE, SUBJECT, GRADE, TERRITORY, MAX_SCORE, PASSING_SCORE, SET_BY, SET_AT FROM OLY_SCORE WHERE OLY_YEAR = ?")) {
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    settings.add(new Scores.Setting(year, r.getString(1), r.getString(2), r.getInt(3), r.getString(4), plain(r.getBigDecimal(5)),
                            plain(r.getBigDecimal(6)), r.getString(7), r.getTimestamp(8).toInstant()));
                }
            }
        }
        return new Scores(settings);
    }

    /** Sets scores, each replacing the row of its stage, subject, grade and territory, in one transaction. */
    public void setScores(List<Scores.Setting> settings) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM OLY_SCORE WHERE OLY_YEAR = ? AND STAGE = ? AND SUBJECT = ? AND GRADE = ? AND TERRITORY = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO OLY_SCORE (OLY_YEAR, STAGE, SUBJECT, GRADE, TERRITORY, MAX_SCORE,"
                         + " PASSING_SCORE, SET_BY, SET_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Scores.Setting s : settings) {
                    delete.setInt(1, s.year());
                    delete.setString(2, s.stage());
                    delete.setString(3, s.subject());
                    delete.setInt(4, s.grade());
                    delete.setString(5, s.territory());
                    delete.addBatch();
                    insert.setInt(1, s.year());
                    insert.setString(2, s.stage());
                    insert.setString(3, s.subject());
                    insert.setInt(4, s.grade());
                    insert.setString(5, s.territory());
                    insert.setBigDecimal(6, s.max());
                    insert.setBigDecimal(7, s.passing());
                    insert.setString(8, s.setBy());
                    insert.setTimestamp(9, Timestamp.from(s.setAt()));
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
                c.commit();
                generation.advance();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** 100.00 as 100 and 12.50 as 12.5 (never 1E+2): scores are shown as people write them. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
