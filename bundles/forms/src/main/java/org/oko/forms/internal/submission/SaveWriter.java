package org.oko.forms.internal.submission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.persistence.PersistenceException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the warm saves: one thread and one connection write the saves that arrived
 * meanwhile in one transaction — each save's claim of its submission's row, then the values and
 * history lines of the saves whose claim held, in JDBC batches on statements prepared once — and
 * commit once; only then does each waiting save answer. A commit's log flush and a transaction's set-up
 * are paid once per group instead of once per save, and Derby reuses the statements' plans and
 * activations (docs/performance.md, *Group commit*). Under load — the last group held more than one
 * save — the writer waits a moment after the first save of a group for more to join: {@link #GATHER_NANOS}
 * on the embedded database unless {@code etc/org.oko.forms.cfg} says otherwise.
 *
 * <p>A save whose claim finds its row moved on is told so and nothing of it is written; it then takes
 * the locked path. When a group fails as a whole (a deadlock, a full disk), it is rolled back and each
 * save is tried again in a transaction of its own, so that one save's failure is not its neighbours'.
 */
final class SaveWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SaveWriter.class);

    /**
     * The most rows one group writes: well below Derby's lock escalation (5,000 row locks of one table
     * make it lock the whole table), so that a group never blocks the readers of a whole table.
     */
    static final int MAX_GROUP_ROWS = 1_000;

    /**
     * How long a group waits for company under load on the embedded database: one millisecond, where a save then
     * waits tens of them anyway. Not on a database server: there the writer's round trips keep it busy and its
     * groups large without waiting (and the server has a commit delay of its own).
     */
    static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** One value of a save: a new row ({@code insert}) or the next revision of a stored one, and its history line. */
    record Row(boolean insert, long valueId, String key, String json, int revision, String oldJson, long eventId, boolean file) {
    }

    /**
     * A planned save: the claim of the submission's row at {@code writes}, and its rows. A save planned on
     * top of another one of the same submission still on its way ({@link #after}) is written only if that
     * one is: claimed after it in the same group, or in a later group once that one was committed. Equal
     * only to itself.
     */
    static final class Job {
        final long submissionId;
        final long writes;
        final int completion;
        final Instant at;
        final String by;
        final List<Row> rows;
        final CompletableFuture<Boolean> done = new CompletableFuture<>();
        /** The save this one was planned on, until this one is done (so that done saves do not hold a chain of others). */
        private volatile Job after;

        Job(long submissionId, long writes, int completion, Instant at, String by, List<Row> rows, Job after) {
            this.submissionId = submissionId;
            this.writes = writes;
            this.completion = completion;
            this.at = at;
            this.by = by;
            this.rows = List.copyOf(rows);
            this.after = after;
            done.whenComplete((written, failure) -> this.after = null);
        }

        Job after() {
            return after;
        }

        /** False when the save it was planned on was not written (or failed): then neither may this one be. */
        boolean mayFollow(Set<Job> claimedHere) {
            Job before = after;
            return before == null || claimedHere.contains(before)
                    || before.done.isDone() && !before.done.isCompletedExceptionally() && before.done.getNow(false);
        }
    }

    /** Whether the last group held more than one save: the writer then gathers the next one. */
    private boolean company;
    /** The wait for company as set in µs, or {@link SaveSettings#AUTOMATIC}: {@link #GATHER_NANOS} on the embedded database, none on a server. */
    private volatile long gatherMicros;
    /** Whether the writer's database is the embedded one (known once connected). */
    private boolean embedded;
    /** Groups taken to be written so far. */
    private volatile long groups;
    private final DataSource dataSource;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean open = true;
    private Connection connection;
    private Statements statements;

    /** {@code gatherMicros}: how long a group waits for company under load, or {@link SaveSettings#AUTOMATIC}. */
    SaveWriter(DataSource dataSource, long gatherMicros) {
        this.dataSource = dataSource;
        this.gatherMicros = gatherMicros;
        this.thread = new Thread(this::run, "oko-save-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Writes a save with the others waiting and returns once its group is committed: true when written,
     * false when the claim found the submission's row moved on (nothing of the save was written).
     */
    boolean write(Job job) {
        submit(job);
        return await(job);
    }

    /** Hands a save to the writer; {@link #await} waits for its outcome. */
    void submit(Job job) {
        if (!open) {
            throw new PersistenceException("the save writer is stopped");
        }
        queue.add(job);
    }

    /** True once the save's group is committed with it, false when its claim did not hold (nothing of it was written). */
    boolean await(Job job) {
        try {
            return job.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The save may still be written: the client learns its outcome from the revision it reads next.
            throw new PersistenceException("interrupted while the save was being written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new PersistenceException(e.getCause());
        }
    }

    /** Changes how long a group waits for company under load, in µs ({@link SaveSettings#AUTOMATIC}: by the database); the next group waits so. */
    void gather(long micros) {
        gatherMicros = micros;
    }

    /** How many groups the writer has taken to write so far. */
    long groups() {
        return groups;
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Job job; (job = queue.poll()) != null; ) {
            job.done.completeExceptionally(new PersistenceException("the save writer stopped"));
        }
    }

    private void run() {
        List<Job> group = new ArrayList<>();
        while (open) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            if (company) {
                // Under load (the last group had company), wait a moment for more saves to join this one, as
                // PostgreSQL's commit_delay does: a group's commit, log write and wake-ups are paid once for all its
                // saves; the groups of the bench's 200 clients grew from about five saves to 30–80.
                long gather = gatherMicros;
                LockSupport.parkNanos(gather < 0 ? (embedded ? GATHER_NANOS : 0) : TimeUnit.MICROSECONDS.toNanos(gather));
            }
            int rows = group.get(0).rows.size();
            for (Job next; rows < MAX_GROUP_ROWS && (next = queue.poll()) != null; ) {
                group.add(next);
                rows += next.rows.size();
            }
            groups++; // before its saves are answered; only this thread writes it
            write(group);
            company = group.size() > 1;
            group.clear();
        }
        disconnect();
    }

    /** Writes a group in one transaction; if it fails as a whole, each save alone. */
    private void write(List<Job> group) {
        try {
            boolean[] claimed = writeGroup(group);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).done.complete(claimed[i]);
            }
        } catch (SQLException | RuntimeException e) {
            rollback();
            if (group.size() == 1) {
                LOG.debug("a save failed", e);
                group.get(0).done.completeExceptionally(e instanceof SQLException sql ? new PersistenceException(sql.getMessage(), sql)
                        : (RuntimeException) e);
            } else {
                LOG.debug("a group of {} saves failed; each is tried alone", group.size(), e);
                for (Job job : group) {
                    write(List.of(job));
                }
            }
        }
    }

    /** The group's claims (in the order of the submissions' ids, as any other locker would take them), rows and commit. */
    private boolean[] writeGroup(List<Job> group) throws SQLException {
        Statements s = statements();
        // By submission, and within one in the order they came (the sort is stable), so that a save planned on
        // another one is claimed after it.
        List<Job> ordered = new ArrayList<>();
        Set<Job> coming = new HashSet<>(group);
        for (Job job : group) {
            // A save whose predecessor was refused or failed in an earlier group: not written.
            if (job.after() == null || coming.contains(job.after()) || job.mayFollow(Set.of())) {
                ordered.add(job);
            } else {
                coming.remove(job);
            }
        }
        ordered.sort(Comparator.comparingLong(job -> job.submissionId));
        // One claim for each run of saves of a submission planned one on the other: the row moves from the
        // first one's count to the last one's at once, instead of one update of the same row per save.
        List<List<Job>> runs = new ArrayList<>();
        for (Job job : ordered) {
            List<Job> run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            Job last = run == null ? null : run.get(run.size() - 1);
            if (last != null && job.submissionId == last.submissionId && job.after() == last && job.writes == last.writes + 1) {
                run.add(job);
            } else {
                runs.add(new ArrayList<>(List.of(job)));
            }
        }
        for (List<Job> run : runs) {
            Job first = run.get(0);
            Job last = run.get(run.size() - 1);
            SaveStatements.bind(s.claim, last.writes + 1, last.completion, Timestamp.from(last.at), last.by, first.submissionId, first.writes);
            s.claim.addBatch();
        }
        int[] counts = runs.isEmpty() ? new int[0] : s.claim.executeBatch();
        Set<Job> claimedHere = new HashSet<>();
        List<Job> written = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<Job> run = runs.get(i);
            if (counts[i] == 1) {
                if (!run.get(0).mayFollow(claimedHere)) {
                    // Its predecessor's claim failed, yet the row held the count this one expected (another write
                    // made it so): this one must not be written either. Rare; the group is tried save by save.
                    throw new SQLException("a save's predecessor was not claimed in its group");
                }
                claimedHere.addAll(run);
                written.addAll(run);
            }
        }
        boolean inserts = false;
        boolean updates = false;
        boolean files = false;
        for (Job job : written) {
            Timestamp at = Timestamp.from(job.at);
            for (Row row : job.rows) {
                if (row.insert()) {
                    SaveStatements.bind(s.insertValue, row.valueId(), job.submissionId, row.key(), row.json(), at, job.by);
                    s.insertValue.addBatch();
                    inserts = true;
                } else {
                    SaveStatements.bind(s.updateValue, row.json(), row.revision(), at, job.by, row.valueId());
                    s.updateValue.addBatch();
                    updates = true;
                }
                SaveStatements.bind(s.valueEvent, row.eventId(), job.submissionId, at, job.by, EventEntity.Kind.VALUE.name(), row.key(),
                        row.oldJson(), row.json());
                s.valueEvent.addBatch();
                if (row.file()) {
                    SaveStatements.bind(s.deleteFile, row.valueId());
                    s.deleteFile.addBatch();
                    files = true;
                }
            }
        }
        if (inserts) {
            s.insertValue.executeBatch();
        }
        if (updates) {
            s.updateValue.executeBatch();
        }
        if (files) {
            s.deleteFile.executeBatch();
        }
        if (inserts || updates) {
            s.valueEvent.executeBatch();
        }
        connection.commit();
        boolean[] claimed = new boolean[group.size()];
        for (int i = 0; i < group.size(); i++) {
            claimed[i] = claimedHere.contains(group.get(i));
        }
        return claimed;
    }

    /** The writer's statements, prepared once on its connection (opened again after a failure). */
    private Statements statements() throws SQLException {
        if (statements == null) {
            connection = dataSource.getConnection();
            embedded = "Apache Derby".equals(connection.getMetaData().getDatabaseProductName());
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            statements = new Statements(connection);
        }
        return statements;
    }

    private void rollback() {
        try {
            if (connection != null) {
                statements.clearBatches();
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("rollback failed; the connection is opened again", e);
            disconnect();
        }
    }

    private void disconnect() {
        try {
            if (connection != null) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            LOG.debug("closing the save writer's connection", e);
        } finally {
            connection = null;
            statements = null;
        }
    }

    /** The save's statements, the same SQL as {@link SaveStatements} runs one at a time. */
    private static final class Statements {
        final PreparedStatement claim;
        final PreparedStatement insertValue;
        final PreparedStatement updateValue;
        final PreparedStatement valueEvent;
        final PreparedStatement deleteFile;

        Statements(Connection connection) throws SQLException {
            claim = connection.prepareStatement(SaveStatements.CLAIM);
            insertValue = connection.prepareStatement(SaveStatements.INSERT_VALUE);
            updateValue = connection.prepareStatement(SaveStatements.UPDATE_VALUE);
            valueEvent = connection.prepareStatement(SaveStatements.VALUE_EVENT);
            deleteFile = connection.prepareStatement(SaveStatements.DELETE_FILE);
        }

        void clearBatches() throws SQLException {
            for (PreparedStatement statement : List.of(claim, insertValue, updateValue, valueEvent, deleteFile)) {
                statement.clearBatch();
            }
        }
    }
}
