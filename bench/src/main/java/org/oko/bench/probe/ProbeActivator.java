package org.oko.bench.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Collection;

import javax.sql.DataSource;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Installed by the bench into the server it measures, as a module: gives the limits that only the
 * server's own JVM can measure. On start it resets the heap pools' peaks and writes the rows named
 * in {@code data/bench-probe/rows} into a scratch copy of the ВПР results table (ГТО's with {@code kind}
 * "gto") with raw JDBC batches in one transaction, into the same embedded Derby (the limit of the import); on stop it
 * reports the heap's peak since its start (the import's peak heap).
 */
public final class ProbeActivator implements BundleActivator {

    private Path folder;

    @Override
    public void start(BundleContext context) throws Exception {
        folder = Path.of(context.getProperty("karaf.data"), "bench-probe");
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        int rows = Integer.parseInt(Files.readString(folder.resolve("rows")).trim());
        // Which import's rows: ВПР's (the default) or ГТО's ("gto" in data/bench-probe/kind).
        boolean gto = Files.exists(folder.resolve("kind")) && Files.readString(folder.resolve("kind")).trim().equals("gto");
        Collection<ServiceReference<DataSource>> found = context.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=oko)");
        DataSource dataSource = context.getService(found.iterator().next());
        Thread worker = new Thread(() -> {
            try {
                Files.writeString(folder.resolve("raw"), gto ? rawGtoInsert(dataSource, rows) : rawInsert(dataSource, rows));
            } catch (Exception | LinkageError e) { // a missing class too: reported, not a silent hang of the bench
                try {
                    Files.writeString(folder.resolve("raw"), "error " + e);
                } catch (java.io.IOException ignored) {
                    // nothing more to report with
                }
            }
        }, "oko-bench-probe");
        worker.start();
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Files.writeString(folder.resolve("peak"), Long.toString(peak));
    }

    /** The same rows the bench's file holds, written as the importer writes them, without anything else. */
    static String rawInsert(DataSource dataSource, int rows) throws Exception {
        return raw(dataSource, rows, "CREATE TABLE BENCH_RAW (TEST_KEY VARCHAR(40) NOT NULL, PARTICIPANT VARCHAR(40) NOT NULL, SPEC_VERSION INTEGER,"
                + " SCHOOL VARCHAR(40), CLASS_NAME VARCHAR(10), VARIANT INTEGER, SCORES VARCHAR(400), TOTAL INTEGER, MARK INTEGER,"
                + " JOURNAL_MARK INTEGER, IMPORT_ID BIGINT, PRIMARY KEY (TEST_KEY, PARTICIPANT))",
                "INSERT INTO BENCH_RAW VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (insert, n) -> bind(() -> {
                    insert.setString(1, "2026-math-5");
                    insert.setString(2, String.format("R%06d", n));
                    insert.setInt(3, 1);
                    insert.setString(4, String.format("BS%04d", n % 700 + 1));
                    insert.setString(5, "5А");
                    insert.setInt(6, 1 + n % 2);
                    insert.setString(7, "1,1,0,1,1,0,1,2,1,1,2,0,1,1");
                    insert.setInt(8, 13);
                    insert.setInt(9, 4);
                    insert.setInt(10, 4);
                    insert.setLong(11, 1);
                    return null;
                }));
    }

    /** The ГТО bench's rows as its store writes them (GTO_TEST's columns), without reading, judging or anything else. */
    static String rawGtoInsert(DataSource dataSource, int rows) throws Exception {
        java.sql.Date tested = java.sql.Date.valueOf("2025-04-20");
        java.sql.Date born = java.sql.Date.valueOf("2015-04-10");
        return raw(dataSource, rows, "CREATE TABLE BENCH_RAW (SCHOOL VARCHAR(40) NOT NULL, PARTICIPANT VARCHAR(40) NOT NULL,"
                + " TEST_DATE DATE NOT NULL, GTO_ID VARCHAR(40), SEX VARCHAR(8) NOT NULL, BIRTH_DATE DATE NOT NULL, STAGE INTEGER NOT NULL,"
                + " BADGE VARCHAR(8), EDITION VARCHAR(80) NOT NULL, RESULTS VARCHAR(2000), IMPORT_ID BIGINT,"
                + " PRIMARY KEY (SCHOOL, PARTICIPANT, TEST_DATE))",
                "INSERT INTO BENCH_RAW VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (insert, n) -> bind(() -> {
                    insert.setString(1, String.format("BS%04d", n % 700 + 1));
                    insert.setString(2, String.format("G%06d", n));
                    insert.setDate(3, tested);
                    insert.setString(4, n % 3 == 0 ? null : String.format("25-77-%07d", n));
                    insert.setString(5, n % 2 == 0 ? "BOYS" : "GIRLS");
                    insert.setDate(6, born);
                    insert.setInt(7, 3);
                    insert.setString(8, "SILVER");
                    insert.setString(9, "fixture v1");
                    insert.setString(10, "run-30=5,6;run-1000=5:20;pull-up=4;bend=+5;shuttle=9,1;jump=150");
                    insert.setLong(11, 1);
                    return null;
                }));
    }

    /** A row's parameters bound; the probe is one class, so the JDK's interfaces carry the lambdas (no nested class of its own). */
    private static void bind(java.util.concurrent.Callable<?> binding) {
        try {
            binding.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows into a scratch table with JDBC batches of 1,000 in one transaction: "rows nanos" of the inserts and commit. */
    private static String raw(DataSource dataSource, int rows, String create, String sql,
                              java.util.function.ObjIntConsumer<PreparedStatement> binder) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(create);
            }
            long start = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (int n = 0; n < rows; n++) {
                    binder.accept(insert, n);
                    insert.addBatch();
                    if ((n + 1) % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            long nanos = System.nanoTime() - start;
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DROP TABLE BENCH_RAW");
            }
            return rows + " " + nanos;
        }
    }
}
