package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.PersistenceException;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer's group commit on an in-memory Derby with the tables' columns the save writes. */
class SaveWriterTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedDataSource database;
    private SaveWriter writer;
    private final AtomicInteger ids = new AtomicInteger(1000);

    @BeforeEach
    void open() throws SQLException {
        database = new EmbeddedDataSource();
        database.setDatabaseName("memory:save-writer-" + DATABASES.incrementAndGet());
        database.setCreateDatabase("create");
        try (Connection connection = database.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE OKO_SUBMISSION (ID BIGINT PRIMARY KEY, WRITES BIGINT NOT NULL, COMPLETION INT NOT NULL,"
                    + " CHANGED_AT TIMESTAMP, CHANGED_BY VARCHAR(100))");
            ddl.execute("CREATE TABLE OKO_SUBMISSION_VALUE (ID BIGINT PRIMARY KEY, SUBMISSION_ID BIGINT NOT NULL, VALUE_KEY VARCHAR(200),"
                    + " VALUE_JSON CLOB, REVISION INT, CHANGED_AT TIMESTAMP, CHANGED_BY VARCHAR(100))");
            ddl.execute("CREATE TABLE OKO_SUBMISSION_EVENT (ID BIGINT NOT NULL, SUBMISSION_ID BIGINT NOT NULL, OCCURRED_AT TIMESTAMP,"
                    + " ACTOR VARCHAR(100), KIND VARCHAR(20) NOT NULL, VALUE_KEY VARCHAR(200), OLD_TEXT CLOB, NEW_TEXT CLOB,"
                    + " PRIMARY KEY (SUBMISSION_ID, KIND, ID))");
            ddl.execute("CREATE TABLE OKO_SUBMISSION_VALUE_FILE (VALUE_ID BIGINT)");
            for (int id = 1; id <= 40; id++) {
                ddl.execute("INSERT INTO OKO_SUBMISSION (ID, WRITES, COMPLETION) VALUES (" + id + ", 0, 0)");
            }
        }
        writer = new SaveWriter(database, SaveSettings.AUTOMATIC);
    }

    @AfterEach
    void close() {
        writer.close();
    }

    private SaveWriter.Job job(long submission, long writes, SaveWriter.Row... rows) {
        return after(null, submission, writes, rows);
    }

    private SaveWriter.Job after(SaveWriter.Job before, long submission, long writes, SaveWriter.Row... rows) {
        return new SaveWriter.Job(submission, writes, 50, Instant.parse("2026-12-05T10:00:00Z"), "school", List.of(rows), before);
    }

    private SaveWriter.Row newValue(long valueId, String key, String json) {
        return new SaveWriter.Row(true, valueId, key, json, 1, null, ids.incrementAndGet(), false);
    }

    @Test
    void savesOfManySubmissionsAtOnceAreAllWrittenAndCounted() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int s = 1; s <= 40; s++) {
            long submission = s;
            outcomes.add(clients.submit(() -> {
                start.await();
                return writer.write(job(submission, 0, newValue(submission, "v", "\"" + submission + "\"")));
            }));
        }
        start.countDown();
        for (Future<Boolean> outcome : outcomes) {
            assertTrue(outcome.get());
        }
        clients.shutdown();
        assertEquals(40, count("SELECT COUNT(*) FROM OKO_SUBMISSION WHERE WRITES = 1 AND COMPLETION = 50 AND CHANGED_BY = 'school'"));
        assertEquals(40, count("SELECT COUNT(*) FROM OKO_SUBMISSION_VALUE WHERE REVISION = 1"));
        assertEquals(40, count("SELECT COUNT(*) FROM OKO_SUBMISSION_EVENT WHERE KIND = 'VALUE'"));
    }

    @Test
    void aClaimOnARowThatMovedOnWritesNothing() throws Exception {
        assertTrue(writer.write(job(1, 0, newValue(1, "a", "1"))));
        assertFalse(writer.write(job(1, 0, newValue(2, "b", "2"))), "the row holds 1 write, the save was planned at 0");
        assertEquals(1, count("SELECT COUNT(*) FROM OKO_SUBMISSION_VALUE WHERE SUBMISSION_ID = 1"));
        assertEquals(1, count("SELECT COUNT(*) FROM OKO_SUBMISSION_EVENT WHERE SUBMISSION_ID = 1"));
        assertEquals(1, count("SELECT WRITES FROM OKO_SUBMISSION WHERE ID = 1"));

        assertTrue(writer.write(job(1, 1, new SaveWriter.Row(false, 1, "a", "3", 2, "1", ids.incrementAndGet(), false))));
        assertEquals(2, count("SELECT REVISION FROM OKO_SUBMISSION_VALUE WHERE ID = 1"));
        assertEquals(2, count("SELECT WRITES FROM OKO_SUBMISSION WHERE ID = 1"));
    }

    @Test
    void aFailingSaveFailsAloneAndTheOthersOfItsGroupAreWritten() throws Exception {
        assertTrue(writer.write(job(1, 0, newValue(7, "a", "1"))));
        ExecutorService clients = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int s = 2; s <= 21; s++) {
            long submission = s;
            // Submission 11 reuses the value id 7: its insert breaks the primary key, in whichever group it lands.
            long valueId = submission == 11 ? 7 : 100 + submission;
            outcomes.add(clients.submit(() -> {
                start.await();
                return writer.write(job(submission, 0, newValue(valueId, "v", "2")));
            }));
        }
        start.countDown();
        for (int i = 0; i < outcomes.size(); i++) {
            Future<Boolean> outcome = outcomes.get(i);
            if (i + 2 == 11) {
                Exception failure = assertThrows(Exception.class, outcome::get);
                assertTrue(failure.getCause() instanceof PersistenceException, failure.toString());
            } else {
                assertTrue(outcome.get());
            }
        }
        clients.shutdown();
        assertEquals(0, count("SELECT WRITES FROM OKO_SUBMISSION WHERE ID = 11"), "nothing of the failed save stays");
        assertEquals(19, count("SELECT COUNT(*) FROM OKO_SUBMISSION WHERE ID > 1 AND WRITES = 1"));
        assertEquals(20, count("SELECT COUNT(*) FROM OKO_SUBMISSION_VALUE"));
    }

    @Test
    void savesPlannedOnEachOtherAreWrittenInTheirOrder() throws Exception {
        SaveWriter.Job first = job(3, 0, newValue(31, "a", "1"));
        SaveWriter.Job second = after(first, 3, 1, new SaveWriter.Row(false, 31, "a", "2", 2, "1", ids.incrementAndGet(), false));
        SaveWriter.Job third = after(second, 3, 2, newValue(32, "b", "3"));
        writer.submit(first);
        writer.submit(second);
        writer.submit(third);
        assertTrue(writer.await(first) && writer.await(second) && writer.await(third));
        assertEquals(3, count("SELECT WRITES FROM OKO_SUBMISSION WHERE ID = 3"));
        assertEquals(2, count("SELECT REVISION FROM OKO_SUBMISSION_VALUE WHERE ID = 31"));
        assertEquals(3, count("SELECT COUNT(*) FROM OKO_SUBMISSION_EVENT WHERE SUBMISSION_ID = 3"));
    }

    @Test
    void aChainOfSavesInOneGroupMovesTheRowOnceToTheLastOnesCount() throws Exception {
        List<SaveWriter.Job> chain = inOneGroup(() -> {
            SaveWriter.Job first = job(4, 0, newValue(41, "a", "1"));
            SaveWriter.Job second = after(first, 4, 1, new SaveWriter.Row(false, 41, "a", "2", 2, "1", ids.incrementAndGet(), false));
            SaveWriter.Job third = new SaveWriter.Job(4, 2, 70, Instant.parse("2026-12-05T10:00:05Z"), "other", List.of(newValue(42, "b", "3")),
                    second);
            return List.of(first, second, third);
        });
        for (SaveWriter.Job job : chain) {
            assertTrue(writer.await(job));
        }
        assertEquals(3, count("SELECT WRITES FROM OKO_SUBMISSION WHERE ID = 4 AND COMPLETION = 70 AND CHANGED_BY = 'other'"),
                "the row as the last save of the chain left it");
        assertEquals(2, count("SELECT REVISION FROM OKO_SUBMISSION_VALUE WHERE ID = 41"));
        assertEquals(3, count("SELECT COUNT(*) FROM OKO_SUBMISSION_EVENT WHERE SUBMISSION_ID = 4"));
    }

    @Test
    void aChainOfSavesInOneGroupOnARowThatMovedOnWritesNothing() throws Exception {
        try (Connection connection = database.getConnection(); Statement other = connection.createStatement()) {
            other.execute("UPDATE OKO_SUBMISSION SET WRITES = 1 WHERE ID = 6"); // another node's write
        }
        List<SaveWriter.Job> chain = inOneGroup(() -> {
            SaveWriter.Job first = job(6, 0, newValue(61, "a", "1"));
            return List.of(first, after(first, 6, 1, newValue(62, "b", "2")));
        });
        for (SaveWriter.Job job : chain) {
            assertFalse(writer.await(job));
        }
        assertEquals(1, count("SELECT WRITES FROM OKO_SUBMISSION WHERE ID = 6"));
        assertEquals(0, count("SELECT COUNT(*) FROM OKO_SUBMISSION_VALUE WHERE SUBMISSION_ID = 6"));
    }

    /**
     * Submits the jobs while the writer is held up by another save whose row another connection locks, so that
     * they wait together and the writer takes them as one group.
     */
    private List<SaveWriter.Job> inOneGroup(java.util.function.Supplier<List<SaveWriter.Job>> jobs) throws Exception {
        SaveWriter.Job blocked = job(40, 0, newValue(400, "x", "0"));
        List<SaveWriter.Job> submitted;
        try (Connection locker = database.getConnection(); Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("UPDATE OKO_SUBMISSION SET COMPLETION = 1 WHERE ID = 40");
            writer.submit(blocked);
            Thread.sleep(200); // the writer takes the blocked save alone and waits for the row
            submitted = jobs.get();
            submitted.forEach(writer::submit);
            locker.commit();
        }
        assertTrue(writer.await(blocked));
        return submitted;
    }

    @Test
    void aSavePlannedOnARefusedOneIsNotWrittenEvenWhereTheCountWouldFit() throws Exception {
        try (Connection connection = database.getConnection(); Statement other = connection.createStatement()) {
            other.execute("UPDATE OKO_SUBMISSION SET WRITES = 1 WHERE ID = 5"); // another node's write
        }
        SaveWriter.Job stale = job(5, 0, newValue(51, "a", "1"));
        SaveWriter.Job onTop = after(stale, 5, 1, newValue(52, "b", "2"));
        writer.submit(stale);
        writer.submit(onTop);
        assertFalse(writer.await(stale));
        assertFalse(writer.await(onTop), "planned on a save that was not written");
        assertEquals(1, count("SELECT WRITES FROM OKO_SUBMISSION WHERE ID = 5"));
        assertEquals(0, count("SELECT COUNT(*) FROM OKO_SUBMISSION_VALUE WHERE SUBMISSION_ID = 5"));
    }

    @Test
    void underLoadTheWriterWaitsForMoreSavesBeforeItCommits() throws Exception {
        writer.close();
        writer = new SaveWriter(database, TimeUnit.SECONDS.toMicros(1));
        // Two saves that waited together make a group with company: the writer is under load.
        for (SaveWriter.Job job : inOneGroup(() -> List.of(job(1, 0, newValue(11, "a", "1")), job(2, 0, newValue(12, "a", "1"))))) {
            assertTrue(writer.await(job));
        }
        long groups = writer.groups();
        SaveWriter.Job first = job(3, 0, newValue(13, "a", "1"));
        writer.submit(first);
        Thread.sleep(100); // the writer took the first save and gathers for a second
        SaveWriter.Job second = job(4, 0, newValue(14, "a", "1"));
        writer.submit(second);
        assertTrue(writer.await(first));
        assertTrue(writer.await(second));
        assertEquals(groups + 1, writer.groups(), "the second save joined the first one's group");
    }

    @Test
    void aSaveAfterALoneOneIsWrittenWithoutWaitingForCompany() throws Exception {
        writer.close();
        writer = new SaveWriter(database, TimeUnit.SECONDS.toMicros(30));
        assertTrue(writer.write(job(1, 0, newValue(11, "a", "1"))));
        SaveWriter.Job next = job(2, 0, newValue(12, "a", "1"));
        writer.submit(next);
        assertTrue(next.done.get(10, TimeUnit.SECONDS), "written long before the 30 s a gathering group would wait");
    }

    @Test
    void aWaitSetToNothingAppliesToTheNextGroup() throws Exception {
        writer.close();
        writer = new SaveWriter(database, TimeUnit.SECONDS.toMicros(30));
        writer.gather(0); // etc/org.oko.forms.cfg changed: save.gather.us = 0
        for (SaveWriter.Job job : inOneGroup(() -> List.of(job(1, 0, newValue(11, "a", "1")), job(2, 0, newValue(12, "a", "1"))))) {
            assertTrue(writer.await(job));
        }
        SaveWriter.Job next = job(3, 0, newValue(13, "a", "1"));
        writer.submit(next);
        assertTrue(next.done.get(10, TimeUnit.SECONDS), "under load, yet written without the 30 s wait");
    }

    @Test
    void aStoppedWriterRefuses() {
        writer.close();
        assertThrows(PersistenceException.class, () -> writer.write(job(1, 0, newValue(1, "a", "1"))));
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
