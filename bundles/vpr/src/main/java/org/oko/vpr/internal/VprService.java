package org.oko.vpr.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.Page;
import org.oko.catalog.api.Territory;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.vpr.internal.importer.ResultsImport;
import org.oko.vpr.internal.importer.ResultsReader;
import org.oko.vpr.internal.objectivity.Flag;
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

    private volatile Objectivity objectivity;
    private ExecutorService worker;
    private ExecutorService writer; // an import's writing half, beside its reading on the worker
    private final AtomicLong jobIds = new AtomicLong();
    private final Map<Long, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>());

    @Activate
    void activate(ObjectivityRules rules) {
        objectivity = new Objectivity(rules);
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "oko-vpr-import"));
        writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "oko-vpr-import-writer"));
    }

    @Modified
    void modified(ObjectivityRules rules) {
        objectivity = new Objectivity(rules);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        writer.shutdownNow();
    }

    // ---- imports ---------------------------------------------------------------------------

    /**
     * An import's progress: READING → WRITING (from the first works written, while reading goes on)
     * → DONE, or FAILED with the problems (nothing written).
     */
    public static final class Job {
        public final long id;
        public final String test;
        public final String fileName;
        public final String actor;
        public final long bytes;
        public final Instant started = Instant.now();
        public volatile String state = "QUEUED";
        public volatile long rowsRead;
        public volatile long rowsWritten;
        public volatile int works;
        public volatile int replaced;
        public volatile int problemCount;
        public volatile List<ResultsReader.Problem> problems = List.of();
        public volatile String error;
        public volatile Instant finished;

        Job(long id, String test, String fileName, String actor, long bytes) {
            this.id = id;
            this.test = test;
            this.fileName = fileName;
            this.actor = actor;
            this.bytes = bytes;
        }
    }

    public Job startImport(String testKey, Path file, String fileName, boolean replace, Map<String, String> mapping) throws IOException {
        Caller caller = CallerContext.require(IMPORTERS);
        TestSpec spec = specs.latest(testKey).orElseThrow(() -> new IllegalArgumentException(
                "Нет ВПР " + testKey + ": выберите год, предмет и класс из списка / unknown test"));
        Job job = new Job(jobIds.incrementAndGet(), spec.key(), fileName, caller.login(), Files.size(file));
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > 20) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        worker.submit(() -> CallerContext.runAs(caller, () -> run(job, spec, file, replace, mapping)));
        return job;
    }

    public Job job(long id) {
        CallerContext.require(IMPORTERS);
        Job job = jobs.get(id);
        if (job == null) {
            throw new NoSuchElementException("Нет такой загрузки / no such import");
        }
        return job;
    }

    public List<Job> jobs() {
        CallerContext.require(IMPORTERS);
        synchronized (jobs) {
            List<Job> list = new ArrayList<>(jobs.values());
            Collections.reverse(list);
            return list;
        }
    }

    public List<ResultStore.ImportLine> history() throws java.sql.SQLException {
        CallerContext.require(IMPORTERS);
        return store.imports(200);
    }

    private void run(Job job, TestSpec spec, Path file, boolean replace, Map<String, String> mapping) {
        try {
            job.state = "READING";
            Map<String, Organisation> schools = schools();
            java.util.Set<String> stored = store.works(spec.key());
            // Writing starts with the first rows read: the disk must take it now.
            Optional<String> refusal = storage.writeRefusal();
            if (refusal.isPresent()) {
                job.state = "FAILED";
                job.error = "Ничего не записано / nothing was written. " + refusal.get();
                return;
            }
            ResultsImport.Outcome outcome = new ResultsImport(spec, store, writer).run(file, job.fileName, job.actor, schools::containsKey,
                    stored, replace, mapping, new ResultsImport.Progress() {
                        @Override
                        public void read(long rows) {
                            job.rowsRead = rows;
                        }

                        @Override
                        public void written(long works) {
                            job.rowsWritten = works;
                            job.state = "WRITING"; // while the rest of the file is still being read and checked
                        }
                    });
            job.rowsRead = outcome.rows();
            if (outcome.written() == null) {
                job.problems = outcome.problems();
                job.problemCount = outcome.problemCount();
                job.state = "FAILED";
                job.error = "В файле ошибки (" + outcome.problemCount() + "): ничего не записано / the file has errors: nothing was written";
                return;
            }
            ResultStore.Written written = outcome.written();
            job.works = written.works();
            job.replaced = written.replaced();
            job.state = "DONE";
            audit.record("vpr.import", spec.key(), job.fileName + ": работ " + written.works() + ", заменено " + written.replaced());
            LOG.info("ВПР {}: {} works imported from {} ({} replaced)", spec.key(), written.works(), job.fileName, written.replaced());
        } catch (Exception | OutOfMemoryError e) {
            job.state = "FAILED";
            if (StorageGuard.isStorageFailure(e)) {
                job.error = "Загрузка прервана: на диске с данными OKO не хватило места или он доступен только для чтения; ничего не записано. "
                        + "Освободите место и загрузите файл снова. / The import stopped: the OKO data disk is full or read-only; "
                        + "nothing was written. Free some space and import the file again.";
                LOG.warn("ВПР import {} failed on the storage: {}", job.id, e.toString());
            } else {
                job.error = "Загрузка прервана, ничего не записано / the import failed, nothing was written: " + e.getMessage();
                LOG.error("ВПР import {} failed", job.id, e);
            }
        } finally {
            job.finished = Instant.now();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Temporary upload {} not deleted: {}", file, e.toString());
            }
        }
    }

    /** Every school of the region by code, whoever asks: results name schools outside a caller's scope too. */
    private Map<String, Organisation> schools() throws Exception {
        return CallerContext.callAs(Caller.SYSTEM, () -> {
            Map<String, Organisation> all = new HashMap<>();
            OrganisationFilter filter = new OrganisationFilter(null, null, null, null, OrganisationKind.SCHOOL, null);
            for (int page = 0; ; page++) {
                Page<Organisation> items = catalog.organisations(filter, page, 1000);
                items.items().forEach(o -> all.put(o.code(), o));
                if (items.items().size() < 1000) {
                    return all;
                }
            }
        });
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

    private record Analysis(TestSpec spec, Map<String, Stats> schools, Map<String, Stats> territories, Stats region,
                            Map<String, Stats> lastYear, Map<String, Organisation> catalog, Map<String, String> territoryNames) {

        List<Flag> flags(Objectivity objectivity, String school) {
            return objectivity.judge(school, spec, schools.get(school), region, lastYear.get(school));
        }
    }

    /** Kept while no works are written and the spec is the same: the screen asks for form 7, the schools and the signs in a row. */
    private record Cached(long generation, long computedAt, Analysis analysis) {
    }

    private static final long ANALYSIS_TTL_MILLIS = 60_000; // catalog names and territories may change meanwhile
    private final Map<String, Cached> analyses = new java.util.concurrent.ConcurrentHashMap<>();

    private Analysis analyse(String testKey) throws Exception {
        TestSpec spec = specs.latest(testKey).orElseThrow(() -> new NoSuchElementException("Нет ВПР " + testKey + " / unknown test"));
        long generation = store.generation();
        Cached cached = analyses.get(spec.key());
        if (cached != null && cached.generation() == generation && cached.analysis().spec().equals(spec)
                && System.currentTimeMillis() - cached.computedAt() < ANALYSIS_TTL_MILLIS) {
            return cached.analysis();
        }
        Analysis analysis = compute(spec);
        analyses.put(spec.key(), new Cached(generation, System.currentTimeMillis(), analysis));
        return analysis;
    }

    /** One pass over a test's works: every school, territory and the region at once. */
    private Analysis compute(TestSpec spec) throws Exception {
        Map<String, Organisation> schools = schools();
        Map<String, Stats> bySchool = new HashMap<>();
        Map<String, Stats> byTerritory = new HashMap<>();
        Stats region = new Stats(spec);
        store.forEach(spec.key(), spec.tasks().size(), result -> {
            bySchool.computeIfAbsent(result.school(), s -> new Stats(spec)).add(result);
            Organisation school = schools.get(result.school());
            String territory = school == null || school.territoryCode() == null ? "—" : school.territoryCode();
            byTerritory.computeIfAbsent(territory, t -> new Stats(spec)).add(result);
            region.add(result);
        });
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
        return new Analysis(spec, bySchool, byTerritory, region, lastYear, schools, territoryNames);
    }

    /** A school's form 7 beside its territory and the region (school may be null: territory or region only). */
    public Form7 form7(String testKey, String schoolCode, String territoryCode) throws Exception {
        Caller caller = CallerContext.require(READERS);
        if (schoolCode != null && !caller.scope().contains(schoolCode)) {
            throw new NoSuchElementException("Нет ОО " + schoolCode + " / no such school");
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
        return new Form7(a.spec(), school, territoryFigures, Figures.of("region", "Регион", a.region()), flags);
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
        audit.record("vpr.spec.publish", spec.key(), "версия " + spec.version());
        return published;
    }

    /** Only territories with works: for the screen's filter. */
    public List<Territory> territories() throws Exception {
        CallerContext.require(READERS);
        return CallerContext.callAs(Caller.SYSTEM, () -> catalog.territories());
    }
}
