package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A group's statement run row by row (embedded Derby) and as one batch (a database server), on an in-memory Derby. */
class GroupStatementTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        EmbeddedDataSource database = new EmbeddedDataSource();
        database.setDatabaseName("memory:group-statement");
        database.setCreateDatabase("create");
        connection = database.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE T (ID BIGINT PRIMARY KEY, CHANGED_AT TIMESTAMP, NOTE VARCHAR(20))");
        }
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        connection.rollback();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE T");
        }
        connection.commit();
        connection.close();
    }

    @ParameterizedTest(name = "at once: {0}")
    @ValueSource(booleans = {true, false})
    void everyRowIsWrittenWithItsTimestampAndNullsAndCountedInOrder(boolean atOnce) throws SQLException {
        Instant at = Instant.parse("2026-12-06T10:15:30.123456Z");
        GroupStatement insert = new GroupStatement(connection.prepareStatement("INSERT INTO T (ID, CHANGED_AT, NOTE) VALUES (?, ?, ?)"), atOnce);
        for (long id = 1; id <= 40; id++) { // past the first array of counts
            insert.add(id, Timestamp.from(at), id == 2 ? null : "n" + id);
        }
        assertTrue(insert.pending());
        assertEquals(40, insert.run().length);
        assertFalse(insert.pending());
        GroupStatement update = new GroupStatement(connection.prepareStatement("UPDATE T SET NOTE = ? WHERE ID = ?"), atOnce);
        update.add("x", 1L);
        update.add("y", 99L); // no such row
        update.add("z", 3L);
        assertArrayEquals(new int[] {1, 0, 1}, update.run());
        assertEquals(0, update.run().length, "run once");
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery("SELECT CHANGED_AT, NOTE FROM T WHERE ID = 2")) {
            assertTrue(rows.next());
            assertEquals(at, rows.getTimestamp(1).toInstant(), "the writer's calendar keeps the instant to the microsecond");
            assertNull(rows.getString(2));
        }
    }

    @ParameterizedTest(name = "at once: {0}")
    @ValueSource(booleans = {true, false})
    void aClearedStatementRunsNothingMore(boolean atOnce) throws SQLException {
        GroupStatement insert = new GroupStatement(connection.prepareStatement("INSERT INTO T (ID, CHANGED_AT, NOTE) VALUES (?, ?, ?)"), atOnce);
        insert.add(1L, null, "a");
        insert.clear();
        assertFalse(insert.pending());
        assertEquals(0, insert.run().length);
        insert.add(2L, null, "b");
        assertArrayEquals(new int[] {1}, insert.run());
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM T WHERE ID = 2")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1));
        }
    }
}
