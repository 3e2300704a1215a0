package org.oko.vpr.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Result;

/**
 * One import's transaction, fed batch by batch while the file is still being read: the import's
 * line first (its id goes into every work), then the replaced schools' deletes and the works,
 * then the line's counts and the commit. Closed without {@link #commit()} it rolls everything back,
 * so the file is in entirely or not at all — also when the server dies half-way. One thread at a
 * time.
 */
public final class ImportTransaction implements AutoCloseable {

    private final Connection connection;
    private final boolean autoCommit;
    private final TestSpec spec;
    private final Runnable onCommit;
    private long importId;
    private PreparedStatement delete;
    private PreparedStatement insert;
    private int works;
    private int replaced;
    private boolean committed;

    ImportTransaction(Connection connection, TestSpec spec, String fileName, String actor, Runnable onCommit) throws SQLException {
        this.connection = connection;
        this.spec = spec;
        this.onCommit = onCommit;
        autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            importId = insertLine(fileName, actor);
            delete = connection.prepareStatement("DELETE FROM VPR_RESULT WHERE TEST_KEY = ? AND SCHOOL = ?");
            insert = connection.prepareStatement("INSERT INTO VPR_RESULT (TEST_KEY, PARTICIPANT, SPEC_VERSION, SCHOOL,"
                    + " CLASS_NAME, VARIANT, SCORES, TOTAL, MARK, JOURNAL_MARK, IMPORT_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The line goes in with zero counts; {@link #commit()} sets them. */
    private long insertLine(String fileName, String actor) throws SQLException {
        try (PreparedStatement line = connection.prepareStatement("INSERT INTO VPR_IMPORT (TEST_KEY, FILE_NAME, ACTOR, IMPORTED_AT, WORKS, REPLACED)"
                + " VALUES (?, ?, ?, ?, 0, 0)", Statement.RETURN_GENERATED_KEYS)) {
            line.setString(1, spec.key());
            line.setString(2, fileName == null ? null : fileName.substring(0, Math.min(200, fileName.length())));
            line.setString(3, actor);
            line.setTimestamp(4, Timestamp.from(Instant.now()));
            line.executeUpdate();
            try (ResultSet keys = line.getGeneratedKeys()) {
                keys.next();
                // Derby answers the identity column alone, PostgreSQL the whole row (RETURNING *).
                return keys.getMetaData().getColumnCount() == 1 ? keys.getLong(1) : keys.getLong("ID");
            }
        }
    }

    /** Deletes the works stored for this test of these schools (replace mode). */
    public void replace(Collection<String> schools) throws SQLException {
        for (String school : schools) {
            delete.setString(1, spec.key());
            delete.setString(2, school);
            replaced += delete.executeUpdate();
        }
    }

    /** Inserts the works as one JDBC batch. */
    public void insert(List<Result> results) throws SQLException {
        for (Result result : results) {
            insert.setString(1, spec.key());
            insert.setString(2, result.participant());
            insert.setInt(3, spec.version());
            insert.setString(4, result.school());
            insert.setString(5, result.className());
            insert.setInt(6, result.variant());
            insert.setString(7, ResultStore.scores(result.scores()));
            insert.setInt(8, result.total());
            insert.setInt(9, result.mark());
            insert.setInt(10, result.journalMark());
            insert.setLong(11, importId);
            insert.addBatch();
        }
        insert.executeBatch();
        works += results.size();
    }

    public int works() {
        return works;
    }

    public ResultStore.Written commit() throws SQLException {
        try (PreparedStatement line = connection.prepareStatement("UPDATE VPR_IMPORT SET WORKS = ?, REPLACED = ? WHERE ID = ?")) {
            line.setInt(1, works);
            line.setInt(2, replaced);
            line.setLong(3, importId);
            line.executeUpdate();
        }
        connection.commit();
        committed = true;
        onCommit.run();
        return new ResultStore.Written(importId, works, replaced);
    }

    /** Rolls back unless committed, and gives the connection back as it was. */
    @Override
    public void close() throws SQLException {
        try (connection; PreparedStatement d = delete; PreparedStatement i = insert) {
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(autoCommit);
        }
    }
}
