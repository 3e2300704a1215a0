package org.oko.forms.internal.submission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.oko.forms.api.SubmissionState;

/**
 * The save's statements in plain SQL on the connection of the JPA transaction they run in: the
 * claim of the submission's row (or its locked read), the values' writes, their history lines.
 * EclipseLink spent two thirds of a save building, comparing and flushing objects around these few
 * rows (docs/performance.md); the caller brings the ids, from EclipseLink's sequences, so that rows
 * written here and through JPA never collide.
 */
final class SaveStatements {

    /** What a save reads of the submission's row, locked until the transaction ends. */
    record Row(long id, String organisationCode, String formId, int formVersion, SubmissionState state, long writes) {
    }

    static final String CLAIM = "UPDATE OKO_SUBMISSION SET WRITES = ?, COMPLETION = ?, CHANGED_AT = ?, CHANGED_BY = ? WHERE ID = ? AND WRITES = ?";
    static final String INSERT_VALUE = "INSERT INTO OKO_SUBMISSION_VALUE (ID, SUBMISSION_ID, VALUE_KEY, VALUE_JSON, REVISION, CHANGED_AT, CHANGED_BY)"
            + " VALUES (?, ?, ?, ?, 1, ?, ?)";
    static final String UPDATE_VALUE = "UPDATE OKO_SUBMISSION_VALUE SET VALUE_JSON = ?, REVISION = ?, CHANGED_AT = ?, CHANGED_BY = ? WHERE ID = ?";
    static final String VALUE_EVENT = "INSERT INTO OKO_SUBMISSION_EVENT (ID, SUBMISSION_ID, OCCURRED_AT, ACTOR, KIND, VALUE_KEY, OLD_TEXT, NEW_TEXT)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String DELETE_FILE = "DELETE FROM OKO_SUBMISSION_VALUE_FILE WHERE VALUE_ID = ?";

    private final Connection connection;

    /** For a save inside {@code em}'s transaction (which must have begun). */
    SaveStatements(EntityManager em) {
        this.connection = em.unwrap(Connection.class);
    }

    /**
     * The submission's row, locked for writing until the transaction ends, or null. Derby holds the lock
     * of a {@code FOR UPDATE} cursor past the row only with {@code WITH RS} (EclipseLink locks the same way).
     */
    Row lock(long id) {
        String sql = "SELECT ORGANISATION_CODE, FORM_ID, FORM_VERSION, STATE, WRITES FROM OKO_SUBMISSION WHERE ID = ? FOR UPDATE"
                + (derby() ? " WITH RS" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new Row(id, row.getString(1), row.getString(2), row.getInt(3), SubmissionState.valueOf(row.getString(4)),
                        row.getLong(5)) : null;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Claims the submission's row for a save worked out against the snapshot of {@code writes}: counts
     * the write, with who and when and the completion it leaves, only if the row still holds that count.
     * False when it moved on: nothing was written, and the snapshot is stale.
     */
    boolean claim(long id, long writes, int completion, Instant at, String by) {
        return update(CLAIM, writes + 1, completion, Timestamp.from(at), by, id, writes) == 1;
    }

    /** The row's count of writes as committed (-1: no such submission). */
    long writes(long id) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT WRITES FROM OKO_SUBMISSION WHERE ID = ?")) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** A new value's row, revision 1. */
    void insertValue(long valueId, long submissionId, String key, String json, Instant at, String by) {
        update(INSERT_VALUE, valueId, submissionId, key, json, Timestamp.from(at), by);
    }

    void updateValue(long valueId, String json, int revision, Instant at, String by) {
        update(UPDATE_VALUE, json, revision, Timestamp.from(at), by, valueId);
    }

    /** A value's line in the history. */
    void valueEvent(long eventId, long submissionId, String key, String oldJson, String newJson, Instant at, String by) {
        update(VALUE_EVENT, eventId, submissionId, Timestamp.from(at), by, EventEntity.Kind.VALUE.name(), key, oldJson,
                newJson);
    }

    /** The file behind a file indicator's value, when the value is emptied. */
    void deleteFile(long valueId) {
        update(DELETE_FILE, valueId);
    }

    /** Counts the save on the row this transaction locked, with who and when and the completion it leaves. */
    void saved(long id, long writes, int completion, Instant at, String by) {
        update("UPDATE OKO_SUBMISSION SET WRITES = ?, COMPLETION = ?, CHANGED_AT = ?, CHANGED_BY = ? WHERE ID = ?", writes, completion,
                Timestamp.from(at), by, id);
    }

    private int update(String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Sets a statement's parameters in order; a null as SQL NULL. Shared with the writer's batches. */
    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }


    private boolean derby() {
        try {
            return connection.getMetaData().getDatabaseProductName().contains("Derby");
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static PersistenceException failed(SQLException e) {
        return new PersistenceException(e.getMessage(), e);
    }
}
