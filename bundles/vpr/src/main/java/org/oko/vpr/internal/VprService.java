package org.oko.vpr.internal;

import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.oko.platform.api.rest.ApiException;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.Territory;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.cache.Kept;
import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.jobs.Job;
import org.oko.platform.api.jobs.Jobs;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.procedure.api.Flag;
import org.oko.procedure.api.Levels;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.ColumnMemory;
import org.oko.tables.api.ColumnSpec;
import org.oko.vpr.internal.importer.Columns;
import org.oko.vpr.internal.importer.ResultsImport;
import org.oko.vpr.internal.objectivity.Objectivity;
import org.oko.vpr.internal.objectivity.ObjectivityRules;
import org.oko.vpr.internal.spec.SpecRegistry;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Stats;
import org.oko.vpr.internal.store.ResultStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ВПР module's work: imports as background jobs with progress (a file is checked and written
 * at once, streaming, in one transaction that commits only when the whole file is good), form 7 for a school beside its territory and the
 * region, the schools' figures, and the signs of non-objective results — each within the caller's
 * scope.
 */
@Component(service = VprService.class, configurationPid = "org.oko.vpr")
@Designate(ocd = ObjectivityRules.class)
public class VprService {

    private static final Logger LOG = LoggerFactory.getLogger(VprService.class);
    /** Who reads results (within the caller's scope: an observer's is what it is assigned). */
    public static final Role[] READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL,
            Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR, Role.OBSERVER};
    public static final Role[] ANALYSTS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL, Role.FOUNDER_COORDINATOR};
    public static final Role[] IMPORTERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};

    @Reference
    private CatalogService catalog;

    @Reference
    private SpecRegistry specs;

    @Reference
    private ResultStore store;

    @Reference
    private AuditTrail audit;

    @Reference
    private StorageGuard storage;

    @Reference
    private ColumnMemory columnMemory;

    /** Under this kind the ВПР imports' column choices are remembered. */
    static final String IMPORT_KIND = "vpr";

    private volatile Objectivity objectivity;
    @Reference
    private Jobs jobs;

    private ExecutorService writer; // an import's writing half, beside its reading on the job's thread

    @Activate
    void activate(ObjectivityRules rules) {
        objectivity = new Objectivity(rules);
        writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "oko-vpr-import-writer"));
    }

    @Modified
    void modified(ObjectivityRules rules) {
        objectivity = new Objectivity(rules);
    }

    @Deactivate
    void deactivate() {
        writer.shutdownNow();
    }

    // ---- imports ---------------------------------------------------------------------------

    /** The kind of the platform's jobs that ВПР imports are. */
    public static final String IMPORT_JOB = "vpr.import";

    /**
     * Starts an import as a platform job: READING → WRITING (from the first works written, while reading
     * goes on) → DONE, or FAILED with the problems (nothing written). The job owns {@code file} and deletes it.
     *
     * @param columns the person's mapping for this file: its header → column id ({@link #columns}), "" to leave a column out
     */
    public Job startImport(String testKey, Path file, String fileName, boolean replace, Map<String, String> columns) throws IOException {
        CallerContext.require(IMPORTERS);
        TestSpec spec = specs.latest(testKey).orElseThrow(() -> new ApiException(ApiException.Kind.INVALID, "vpr.unknown-test", TEXTS.text("vpr.unknown-test-choose", testKey)));
        long bytes = Files.size(file);
        return jobs.start(IMPORT_JOB, fileName, job -> {
            job.detail("test", spec.key());
            job.detail("fileName", fileName);
            job.detail("bytes", bytes);
            job.detail("problemCount", 0);
            job.detail("problems", List.of());
            job.detail("columns", List.of());
            try {
                run(job, spec, file, replace, columns);
            } finally {
                Files.deleteIfExists(file);
            }
        });
    }

    public Job job(long id) {
        CallerContext.require(IMPORTERS);
        return jobs.job(IMPORT_JOB, id).orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "vpr.no-such-import"));
    }

    public List<Job> jobs() {
        CallerContext.require(IMPORTERS);
        return jobs.jobs(IMPORT_JOB);
    }

    public List<ResultStore.ImportLine> history() throws java.sql.SQLException {
        CallerContext.require(IMPORTERS);
        return store.imports(200);
    }

    /** The columns a results file of the test can have, for choosing what a file's column means. */
    public List<ColumnSpec> columns(String testKey) {
        CallerContext.require(IMPORTERS);
        return Columns.of(specs.latest(testKey).orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "vpr.unknown-test", testKey)));
    }

    private void run(Job job, TestSpec spec, Path file, boolean replace, Map<String, String> columns) throws Exception {
        job.state("READING");
        job.detail("rowsRead", 0L);
        job.detail("rowsWritten", 0L);
        Map<String, Organisation> schools = schools();
        // A replacing import clears the schools it names, so what is stored is no duplicate then.
        java.util.Set<String> stored = replace ? java.util.Set.of() : store.works(spec.key());
        // Writing starts with the first rows read: the disk must take it now.
        Optional<String> refusal = storage.writeRefusal();
        if (refusal.isPresent()) {
            job.fail(TEXTS.text("vpr.job.nothing-written", refusal.get()));
            return;
        }
        ResultsImport.Outcome outcome = new ResultsImport(spec, store, writer).run(file, job.title(), job.actor(), schools::containsKey,
                stored, replace, columns, columnMemory.remembered(IMPORT_KIND), new ResultsImport.Progress() {
                    @Override
                    public void read(long rows) {
                        job.detail("rowsRead", rows);
                    }

                    @Override
                    public void written(long works) {
                        job.detail("rowsWritten", works);
                        job.state("WRITING"); // while the rest of the file is still being read and checked
                    }
                });
        job.detail("rowsRead", outcome.rows());
        job.detail("columns", outcome.columns());
        if (outcome.written() == null) {
            job.detail("problemCount", outcome.problemCount());
            job.detail("problems", outcome.problems());
            job.fail(TEXTS.text("vpr.job.file-has-errors", outcome.problemCount()));
            return;
        }
        ResultStore.Written written = outcome.written();
        job.detail("works", written.works());
        job.detail("replaced", written.replaced());
        columnMemory.remember(IMPORT_KIND, ColumnMapping.choices(outcome.columns()));
        audit.record("vpr.import", spec.key(),
                TEXTS.ru("audit.import", job.title(), written.works(), written.replaced()));
        LOG.info("ВПР {}: {} works imported from {} ({} replaced)", spec.key(), written.works(), job.title(), written.replaced());
    }

    /** Every school of the region by code, whoever asks: results name schools outside a caller's scope too. */
    public Map<String, Organisation> schools() throws Exception {
        return catalog.regionSchools();
    }

    // ---- analysis --------------------------------------------------------------------------

    /** Form 7's figures for one group: a school, a territory or the region. */
    public record Figures(String code, String name, int participants, Map<Integer, BigDecimal> marks, BigDecimal quality,
                          BigDecimal success, BigDecimal meanScore, List<BigDecimal> taskSuccess, int withJournal,
                          BigDecimal lowered, BigDecimal confirmed, BigDecimal raised) {

        static Figures of(String code, String name, Stats stats) {
            Map<Integer, BigDecimal> marks = new TreeMap<>();
            for (int mark = 2; mark <= 5; mark++) {
                marks.put(mark, stats.markShare(mark));
            }
            return new Figures(code, name, stats.participants(), marks, stats.quality(), stats.success(), stats.meanScore(),
                    stats.taskSuccess(), stats.withJournal(), stats.lowered(), stats.confirmed(), stats.raised());
        }
    }

    public record Form7(TestSpec spec, Figures school, Figures territory, Figures region, List<Flag> flags) {
    }

    public record SchoolLine(Figures figures, String territoryCode, List<String> flags) {
    }

    private record Analysis(TestSpec spec, Levels<Stats> levels, Map<String, Stats> lastYear, Map<String, Organisation> catalog,
                            Map<String, String> territoryNames) {

        Map<String, Stats> schools() {
            return levels.schools();
        }

        Map<String, Stats> territories() {
            return levels.territories();
        }

        Stats region() {
            return levels.region();
        }

        List<Flag> flags(Objectivity objectivity, String school) {
            return objectivity.judge(school, spec, levels.school(school), levels.region(), lastYear.get(school));
        }
    }

    /**
     * Kept while no works are written and the spec is the same (the screen asks for form 7, the schools and the signs in
     * a row), at most a minute: catalog names and territories may change meanwhile.
     */
    private final Kept<String, Analysis> analyses = Kept.of(java.time.Duration.ofMinutes(1), 64);

    private Analysis analyse(String testKey) throws Exception {
        TestSpec spec = specs.latest(testKey).orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "vpr.unknown-test", testKey));
        return analyses.get(spec.key(), List.of(store.generation(), spec), () -> compute(spec));
    }

    /** One pass over a test's works: every school, territory and the region at once. */
    private Analysis compute(TestSpec spec) throws Exception {
        Map<String, Organisation> schools = schools();
        Levels<Stats> levels = new Levels<>(() -> new Stats(spec), code -> {
            Organisation school = schools.get(code);
            return school == null ? null : school.territoryCode();
        });
        store.forEach(spec.key(), spec.tasks().size(), result -> levels.add(result.school(), stats -> stats.add(result)));
        Map<String, Stats> lastYear = new HashMap<>();
        String previousKey = (spec.year() - 1) + "-" + spec.subject() + "-" + spec.grade();
        specs.latest(previousKey).ifPresent(previous -> {
            try {
                store.forEach(previousKey, previous.tasks().size(),
                        result -> lastYear.computeIfAbsent(result.school(), s -> new Stats(previous)).add(result));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, String> territoryNames = new HashMap<>();
        CallerContext.callAs(Caller.SYSTEM, () -> catalog.territories()).forEach(t -> territoryNames.put(t.code(), t.name()));
        return new Analysis(spec, levels, lastYear, schools, territoryNames);
    }

    /** A school's form 7 beside its territory and the region (school may be null: territory or region only). */
    public Form7 form7(String testKey, String schoolCode, String territoryCode) throws Exception {
        Caller caller = CallerContext.require(READERS);
        if (schoolCode != null && !caller.scope().contains(schoolCode)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "vpr.no-such-school", schoolCode);
        }
        Analysis a = analyse(testKey);
        Figures school = null;
        String territory = territoryCode;
        List<Flag> flags = List.of();
        if (schoolCode != null) {
            Organisation organisation = a.catalog().get(schoolCode);
            Stats stats = a.schools().getOrDefault(schoolCode, new Stats(a.spec()));
            school = Figures.of(schoolCode, organisation == null ? schoolCode : organisation.shortName(), stats);
            territory = organisation == null ? null : organisation.territoryCode();
            if (caller.hasAnyRole(ANALYSTS) && a.schools().containsKey(schoolCode)) {
                flags = a.flags(objectivity, schoolCode);
            }
        }
        Figures territoryFigures = territory == null ? null
                : Figures.of(territory, a.territoryNames().getOrDefault(territory, territory), a.territories().getOrDefault(territory, new Stats(a.spec())));
        return new Form7(a.spec(), school, territoryFigures, Figures.of("region", TEXTS.ru("vpr.region"), a.region()), flags);
    }

    /** Every territory whose schools wrote this test, by code, then the region: for those who read the whole region. */
    public List<Figures> territoryFigures(String testKey) throws Exception {
        if (!CallerContext.require(ANALYSTS).scope().wholeRegion()) { // a founder's analyst would see the other founders' territories
            throw new org.oko.platform.api.security.AccessDeniedException(true, TEXTS.text("vpr.region-wide-only").joined());
        }
        Analysis a = analyse(testKey);
        List<Figures> lines = new ArrayList<>();
        a.territories().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                lines.add(Figures.of(entry.getKey(), a.territoryNames().getOrDefault(entry.getKey(), entry.getKey()), entry.getValue())));
        lines.add(Figures.of("region", TEXTS.ru("vpr.region"), a.region()));
        return lines;
    }

    /** The schools in the caller's scope that wrote this test, with their figures and signs. */
    public List<SchoolLine> schoolLines(String testKey, String territoryCode) throws Exception {
        Caller caller = CallerContext.require(READERS);
        Analysis a = analyse(testKey);
        List<SchoolLine> lines = new ArrayList<>();
        for (Map.Entry<String, Stats> entry : a.schools().entrySet()) {
            String code = entry.getKey();
            Organisation organisation = a.catalog().get(code);
            String territory = organisation == null ? null : organisation.territoryCode();
            if (!caller.scope().contains(code) || territoryCode != null && !territoryCode.equals(territory)) {
                continue;
            }
            List<String> flags = caller.hasAnyRole(ANALYSTS) ? a.flags(objectivity, code).stream().map(Flag::rule).toList() : List.of();
            lines.add(new SchoolLine(Figures.of(code, organisation == null ? code : organisation.shortName(), entry.getValue()), territory, flags));
        }
        lines.sort(Comparator.comparing(l -> l.figures().code()));
        return lines;
    }

    /** Every sign of non-objective results among the schools in the caller's scope. */
    public List<Flag> flags(String testKey) throws Exception {
        Caller caller = CallerContext.require(ANALYSTS);
        Analysis a = analyse(testKey);
        List<Flag> flags = new ArrayList<>();
        for (String school : new java.util.TreeSet<>(a.schools().keySet())) {
            if (caller.scope().contains(school)) {
                flags.addAll(a.flags(objectivity, school));
            }
        }
        return flags;
    }

    public List<TestSpec> specs() {
        CallerContext.require(READERS);
        return specs.latest();
    }

    public TestSpec publish(TestSpec spec) {
        CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR);
        TestSpec published = specs.publish(spec);
        audit.record("vpr.spec.publish", spec.key(),
                TEXTS.ru("audit.version", spec.version()));
        return published;
    }

    /** Only territories with works: for the screen's filter. */
    public List<Territory> territories() throws Exception {
        CallerContext.require(READERS);
        return CallerContext.callAs(Caller.SYSTEM, () -> catalog.territories());
    }
}
