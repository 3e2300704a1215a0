package org.oko.vpr.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.platform.api.cache.Generation;
import org.oko.platform.api.cache.Generations;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The works on disk. Writes go through JDBC batches in one transaction — a file is in entirely or
 * not at all, also when the server dies half-way — and reads stream rows, so a region's year
 * never has to fit in memory at once.
 */
@Component(service = ResultStore.class)
public class ResultStore {

    /** Works per JDBC batch: what the import hands over at a time, too. */
    public static final int BATCH = 1000;

    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    @Reference
    private Generations generations;

    /** Moves on whenever works are written, on any node: figures computed from an older generation are stale. */
    private Generation generation;

    public ResultStore() {
    }

    /** Outside OSGi (tests): the tables must exist already; an earlier release's keys are upgraded as at start. */
    public ResultStore(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        this.generation = Generation.local();
        WorkKeys.upgrade(dataSource);
    }

    // The VPR_* tables come from the bundle's change log, before this activates; the unit is deployed here, once.
    @Reference(target = "(osgi.unit.name=oko-vpr)")
    private JpaTemplate jpa;

    @org.osgi.service.component.annotations.Activate
    void activate() throws SQLException {
        generation = generations.of("vpr.works");
        jpa.txExpr(em -> em.createQuery("SELECT COUNT(i) FROM ImportEntity i").getSingleResult());
        WorkKeys.upgrade(dataSource);
    }

    public long generation() {
        return generation.current();
    }

    public record Written(long importId, int works, int replaced) {
    }

    public record ImportLine(long id, String testKey, String fileName, String actor, Instant at, int works, int replaced) {
    }

    /** The keys ({@link Result#key}) of the works stored for a test. */
    public java.util.Set<String> works(String testKey) throws SQLException {
        java.util.Set<String> result = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT SCHOOL, PARTICIPANT FROM VPR_RESULT WHERE TEST_KEY = ?")) {
            s.setString(1, testKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(Result.key(r.getString(1), r.getString(2)));
                }
            }
        }
        return result;
    }

    /** Opens an import's transaction; the caller feeds it batches and commits, or closes it to roll back. */
    public ImportTransaction begin(TestSpec spec, String fileName, String actor) throws SQLException {
        return new ImportTransaction(dataSource.getConnection(), spec, fileName, actor, generation::advance);
    }

    /** Writes works already in memory (the demo data) in one transaction. */
    public Written write(TestSpec spec, List<Result> results, String fileName, String actor) throws SQLException {
        try (ImportTransaction transaction = begin(spec, fileName, actor)) {
            for (int from = 0; from < results.size(); from += BATCH) {
                transaction.insert(results.subList(from, Math.min(results.size(), from + BATCH)));
            }
            return transaction.commit();
        }
    }

    /** Streams every work of a test to the consumer. */
    public void forEach(String testKey, int tasks, Consumer<Result> consumer) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT PARTICIPANT, SCHOOL, CLASS_NAME, VARIANT, SCORES, TOTAL, MARK, JOURNAL_MARK"
                     + " FROM VPR_RESULT WHERE TEST_KEY = ?")) {
            s.setString(1, testKey);
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    consumer.accept(new Result(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), parse(r.getString(5), tasks),
                            r.getInt(6), r.getInt(7), r.getInt(8)));
                }
            }
        }
    }

    /** The works of one school in a test. */
    public List<Result> results(String testKey, String school, int tasks) throws SQLException {
        List<Result> results = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT PARTICIPANT, SCHOOL, CLASS_NAME, VARIANT, SCORES, TOTAL, MARK, JOURNAL_MARK"
                     + " FROM VPR_RESULT WHERE TEST_KEY = ? AND SCHOOL = ? ORDER BY PARTICIPANT")) {
            s.setString(1, testKey);
            s.setString(2, school);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    results.add(new Result(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), parse(r.getString(5), tasks),
                            r.getInt(6), r.getInt(7), r.getInt(8)));
                }
            }
        }
        return results;
    }

    public List<ImportLine> imports(int max) throws SQLException {
        List<ImportLine> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT ID, TEST_KEY, FILE_NAME, ACTOR, IMPORTED_AT, WORKS, REPLACED FROM VPR_IMPORT"
                     + " ORDER BY ID DESC")) {
            s.setMaxRows(max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(new ImportLine(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getTimestamp(5).toInstant(),
                            r.getInt(6), r.getInt(7)));
                }
            }
        }
        return lines;
    }

    public static String scores(byte[] scores) {
        StringBuilder text = new StringBuilder(scores.length * 2);
        for (int i = 0; i < scores.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(scores[i]);
        }
        return text.toString();
    }

    public static byte[] parse(String text, int tasks) {
        byte[] scores = new byte[tasks];
        String[] parts = text.split(",");
        for (int i = 0; i < Math.min(tasks, parts.length); i++) {
            scores[i] = Byte.parseByte(parts[i]);
        }
        return scores;
    }
}
