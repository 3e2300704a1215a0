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
 * "gto") with raw JDBC batches in one transaction, into the same embedded Derby (the limit of the import), or fills the
 * analytics' region and times a GROUP BY over it ("analytics"); on stop it
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
        // Which limit: ВПР's rows (the default), ГТО's ("gto" in data/bench-probe/kind) or the analytics' GROUP BY ("analytics").
        String kind = Files.exists(folder.resolve("kind")) ? Files.readString(folder.resolve("kind")).trim() : "vpr";
        Collection<ServiceReference<DataSource>> found = context.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=oko)");
        DataSource dataSource = context.getService(found.iterator().next());
        Thread worker = new Thread(() -> {
            try {
                Files.writeString(folder.resolve("raw"), kind.equals("analytics") ? analytics(dataSource, Files.readAllLines(folder.resolve("analytics")))
                        : kind.equals("gto") ? rawGtoInsert(dataSource, rows) : rawInsert(dataSource, rows));
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

    /**
     * The analytics' region and its limit. {@code task}: "schools N", then per form "form ID PERIOD VERSION", its template
     * "value ID KEY JSON" and the catalogue's "input ID KEY". First fills (not timed): each form assigned to schools
     * BS0001…BSN as submitted, its values the template's, numbers varied per school (seeded), written as the forms
     * service stores them, with ids reserved from its sequences. Then the limit: one GROUP BY summing every input field
     * per territory (joined through the catalog), once to warm up, then the median of five: "nanos groups values".
     */
    static String analytics(DataSource dataSource, java.util.List<String> task) throws Exception {
        int schools = 0;
        java.util.List<String[]> forms = new java.util.ArrayList<>();
        java.util.Map<String, java.util.List<String[]>> templates = new java.util.HashMap<>();
        java.util.Map<String, java.util.List<String>> inputs = new java.util.HashMap<>();
        for (String line : task) {
            String[] part = line.split(" ", 4);
            switch (part[0]) {
                case "schools" -> schools = Integer.parseInt(part[1]);
                case "form" -> forms.add(part);
                case "value" -> templates.computeIfAbsent(part[1], f -> new java.util.ArrayList<>()).add(new String[] {part[2], part[3]});
                case "input" -> inputs.computeIfAbsent(part[1], f -> new java.util.ArrayList<>()).add(part[2]);
                default -> throw new IllegalArgumentException(line);
            }
        }
        long values = 0;
        java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
        java.util.Random random = new java.util.Random(2031);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (String[] form : forms) {
                java.util.List<String[]> template = templates.getOrDefault(form[1], java.util.List.of());
                long submissionId = reserve(c, "SUBMISSION", schools);
                long valueId = reserve(c, "SUBMISSION_VALUE", (long) schools * template.size());
                try (PreparedStatement submission = c.prepareStatement("INSERT INTO OKO_SUBMISSION (ID, PERIOD_CODE, FORM_ID, FORM_VERSION,"
                        + " ORGANISATION_CODE, STATE, COMPLETION, CREATED_AT, CHANGED_AT, CHANGED_BY, SUBMITTED_AT, WRITES)"
                        + " VALUES (?, ?, ?, ?, ?, 'SUBMITTED', 100, ?, ?, 'bench', ?, 1)");
                     PreparedStatement value = c.prepareStatement("INSERT INTO OKO_SUBMISSION_VALUE (ID, SUBMISSION_ID, VALUE_KEY, VALUE_JSON,"
                             + " REVISION, CHANGED_AT, CHANGED_BY) VALUES (?, ?, ?, ?, 1, ?, 'bench')")) {
                    for (int s = 1; s <= schools; s++) {
                        long id = submissionId++;
                        submission.setLong(1, id);
                        submission.setString(2, form[2]);
                        submission.setString(3, form[1]);
                        submission.setInt(4, Integer.parseInt(form[3]));
                        submission.setString(5, String.format("BS%04d", s));
                        submission.setTimestamp(6, now);
                        submission.setTimestamp(7, now);
                        submission.setTimestamp(8, now);
                        submission.addBatch();
                        double size = 0.6 + 0.8 * random.nextDouble(); // the school's size: counts scale with it
                        for (String[] v : template) {
                            value.setLong(1, valueId++);
                            value.setLong(2, id);
                            value.setString(3, v[0]);
                            value.setString(4, varied(v[1], size, random));
                            value.setTimestamp(5, now);
                            value.addBatch();
                            if (++values % 1000 == 0) {
                                value.executeBatch();
                            }
                        }
                    }
                    submission.executeBatch();
                    value.executeBatch();
                }
                c.commit();
            }
            StringBuilder where = new StringBuilder();
            java.util.List<String> parameters = new java.util.ArrayList<>();
            for (String[] form : forms) {
                java.util.List<String> keys = inputs.getOrDefault(form[1], java.util.List.of());
                where.append(where.length() == 0 ? "" : " OR ").append("(s.FORM_ID = ? AND s.PERIOD_CODE = ? AND v.VALUE_KEY IN (")
                        .append(String.join(", ", java.util.Collections.nCopies(keys.size(), "?"))).append("))");
                parameters.add(form[1]);
                parameters.add(form[2]);
                parameters.addAll(keys);
            }
            // Booleans count 1 and 0, as the indicators count them.
            String sql = "SELECT o.TERRITORY_CODE, s.FORM_ID, v.VALUE_KEY, SUM(CASE WHEN v.VALUE_JSON = 'true' THEN 1 WHEN v.VALUE_JSON = 'false'"
                    + " THEN 0 ELSE CAST(v.VALUE_JSON AS DECIMAL(31, 6)) END) FROM OKO_SUBMISSION s JOIN OKO_SUBMISSION_VALUE v ON v.SUBMISSION_ID = s.ID"
                    + " JOIN OKO_ORGANISATION o ON o.CODE = s.ORGANISATION_CODE WHERE " + where + " GROUP BY o.TERRITORY_CODE, s.FORM_ID, v.VALUE_KEY";
            c.setAutoCommit(true);
            java.util.List<Long> times = new java.util.ArrayList<>();
            int groups = 0;
            for (int run = 0; run <= 5; run++) {
                long start = System.nanoTime();
                groups = 0;
                try (PreparedStatement query = c.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.size(); i++) {
                        query.setString(i + 1, parameters.get(i));
                    }
                    try (java.sql.ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            rows.getBigDecimal(4);
                            groups++;
                        }
                    }
                }
                if (run > 0) {
                    times.add(System.nanoTime() - start);
                }
            }
            java.util.Collections.sort(times);
            return times.get(times.size() / 2) + " " + groups + " " + values;
        }
    }

    /** Reserves {@code count} ids of an EclipseLink table sequence (it allocates above the stored count): the first one. */
    private static long reserve(Connection c, String sequence, long count) throws Exception {
        try (PreparedStatement update = c.prepareStatement("UPDATE OKO_SEQUENCE SET SEQ_COUNT = SEQ_COUNT + ? WHERE SEQ_NAME = ?")) {
            update.setLong(1, count);
            update.setString(2, sequence);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO OKO_SEQUENCE (SEQ_NAME, SEQ_COUNT) VALUES (?, ?)")) {
                    insert.setString(1, sequence);
                    insert.setLong(2, count);
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement("SELECT SEQ_COUNT FROM OKO_SEQUENCE WHERE SEQ_NAME = ?")) {
            select.setString(1, sequence);
            try (java.sql.ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) - count + 1;
            }
        }
    }

    /** A template's value for one school: counts scaled by its size and a little noise, shares and small numbers never above the template's. */
    private static String varied(String json, double size, java.util.Random random) {
        if (json.equals("true")) {
            return random.nextInt(10) == 0 ? "false" : "true";
        }
        if (json.isEmpty() || !(Character.isDigit(json.charAt(0)) || json.charAt(0) == '-')) {
            return json;
        }
        double number = Double.parseDouble(json);
        double value = number <= 100 ? number * (0.7 + 0.3 * random.nextDouble()) : number * size * (0.9 + 0.2 * random.nextDouble());
        return json.contains(".") ? String.valueOf(Math.round(value * 10) / 10.0) : Long.toString(Math.round(value));
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
