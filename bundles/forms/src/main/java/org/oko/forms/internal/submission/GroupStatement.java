package org.oko.forms.internal.submission;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;

/**
 * One of the group commit's statements, prepared once: each row {@link #add added} and all run by {@link #run}.
 * On a database server the rows go as one JDBC batch (one round trip). On embedded Derby each row runs when
 * added: a batch saves no round trip there, yet Derby copies every row's parameters and converts each
 * timestamp back and forth once more to run it (docs/performance.md, *tenth step*). Timestamps are bound
 * with the writer's own calendar: without one Derby builds a {@code GregorianCalendar} for every timestamp.
 * One thread only, as the writer's connection.
 */
final class GroupStatement {

    private final PreparedStatement statement;
    private final boolean atOnce;
    private final Calendar calendar = new GregorianCalendar();
    private int[] counts = new int[16];
    private int rows;

    GroupStatement(PreparedStatement statement, boolean atOnce) {
        this.statement = statement;
        this.atOnce = atOnce;
    }

    /** Binds a row's parameters (a null as SQL NULL) and runs it now or adds it to the batch. */
    void add(Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (parameter instanceof Timestamp at) {
                statement.setTimestamp(i + 1, at, calendar);
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
        if (atOnce) {
            if (rows == counts.length) {
                counts = Arrays.copyOf(counts, rows * 2);
            }
            counts[rows] = statement.executeUpdate();
        } else {
            statement.addBatch();
        }
        rows++;
    }

    /** Whether a row was added since the last {@link #run}. */
    boolean pending() {
        return rows > 0;
    }

    /** Runs what was added (the batch, on a database server) and answers each row's count of changed rows, in order. */
    int[] run() throws SQLException {
        int[] result = atOnce ? Arrays.copyOf(counts, rows) : rows == 0 ? new int[0] : statement.executeBatch();
        rows = 0;
        return result;
    }

    /** Forgets what was added and not run (after a failure). */
    void clear() throws SQLException {
        rows = 0;
        if (!atOnce) {
            statement.clearBatch();
        }
    }
}
