package org.oko.gto.internal;

import static org.oko.gto.internal.GtoTexts.TEXTS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.gto.internal.badge.BadgeCalculator;
import org.oko.gto.internal.norms.GtoNorms;
import org.oko.gto.internal.norms.Norms;
import org.oko.gto.internal.norms.NormsBook;
import org.oko.gto.internal.report.Counts;
import org.oko.gto.internal.report.Tally;
import org.oko.gto.internal.results.Columns;
import org.oko.gto.internal.results.Participant;
import org.oko.gto.internal.results.ResultsImport;
import org.oko.gto.internal.store.GtoStore;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.cache.Generations;
import org.oko.platform.api.cache.Kept;
import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.jobs.Job;
import org.oko.platform.api.jobs.Jobs;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.procedure.api.Levels;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.ColumnMemory;
import org.oko.tables.api.ColumnSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ГТО module's work: results imports as background jobs with progress (checked, judged and written
 * at once, all or nothing), the counts per school, territory and region, and a school's participants
 * with their badges explained — each within the caller's scope.
 */
@Component(service = GtoService.class)
public class GtoService {

    private static final Logger LOG = LoggerFactory.getLogger(GtoService.class);
    /** Who reads the counts: aggregates of the territory and the region for all, a school's within the caller's scope. */
    public static final Role[] READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL,
            Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR, Role.OBSERVER};
    /** Who imports: the centre for any school, a school's coordinator for its own. */
    public static final Role[] IMPORTERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.SCHOOL_COORDINATOR};
    /** The kind of the platform's jobs that ГТО imports are, and under which their column choices are remembered. */
    public static final String IMPORT_JOB = "gto.import";

    @Reference
    private GtoNorms norms;

    @Reference
    private CatalogService catalog;

    @Reference
    private Jobs jobs;

    @Reference
    private AuditTrail audit;

    @Reference
    private StorageGuard storage;

    @Reference
    private ColumnMemory columnMemory;

    @Reference(target = "(osgi.jndi.service.name=oko)")
    private javax.sql.DataSource dataSource;

    /** The module's persistence unit, deployed once at start (its tables come from the bundle's change log). */
    @Reference(target = "(osgi.unit.name=oko-gto)")
    private JpaTemplate jpa;

    @Reference
    private Generations generations;

    private GtoStore store;
    private ExecutorService writer; // an import's writing half, beside its reading on the job's thread

    @Activate
    void activate() {
        jpa.txExpr(em -> em.createQuery("SELECT COUNT(i) FROM ImportEntity i").getSingleResult());
        store = new GtoStore(dataSource, generations.of("gto.tests"));
        writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "oko-gto-import-writer"));
    }

    @Deactivate
    void deactivate() {
        writer.shutdownNow();
    }

    // ---- imports ---------------------------------------------------------------------------

    /** The columns a results file can have, for choosing what a file's column means. */
    public List<ColumnSpec> columns() {
        CallerContext.require(IMPORTERS);
        return Columns.of(norms.editions());
    }

    /**
     * Starts an import as a platform job: READING → DONE, or FAILED with the problems (nothing written). The
     * job owns {@code file} and deletes it. A school's coordinator imports its own school's results only.
     */
    public Job startImport(Path file, String fileName, Map<String, String> columns) throws Exception {
        Caller caller = CallerContext.require(IMPORTERS);
        List<Norms> editions = norms.editions();
        if (editions.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "gto.no-norms-yet");
        }
        Map<String, Organisation> schools = schools();
        long bytes = Files.size(file);
        return jobs.start(IMPORT_JOB, fileName, job -> {
            job.detail("fileName", fileName);
            job.detail("bytes", bytes);
            job.detail("problemCount", 0);
            job.detail("problems", List.of());
            try {
                run(job, file, editions, code -> schools.containsKey(code) && caller.scope().contains(code), columns);
            } finally {
                Files.deleteIfExists(file);
            }
        });
    }

    private void run(Job job, Path file, List<Norms> editions, java.util.function.Predicate<String> knownSchool,
                     Map<String, String> columns) throws Exception {
        job.state("READING");
        Optional<String> refusal = storage.writeRefusal();
        if (refusal.isPresent()) {
            job.fail(TEXTS.text("gto.job.nothing-written", refusal.get()));
            return;
        }
        ResultsImport.Outcome outcome = new ResultsImport(store, writer).run(file, job.title(), job.actor(), editions, knownSchool,
                columns, columnMemory.remembered(IMPORT_JOB), rows -> job.detail("rowsRead", rows));
        job.detail("rowsRead", outcome.rows());
        job.detail("columns", outcome.columns());
        if (outcome.written() == null) {
            job.detail("problemCount", outcome.problemCount());
            job.detail("problems", outcome.problems());
            job.fail(TEXTS.text("gto.job.file-has-errors", outcome.problemCount()));
            return;
        }
        job.detail("tests", outcome.written().tests());
        columnMemory.remember(IMPORT_JOB, ColumnMapping.choices(outcome.columns()));
        audit.record("gto.import", job.title(), TEXTS.ru("gto.audit.import", job.title(), outcome.written().tests()));
        LOG.info("ГТО: {} tests imported from {}", outcome.written().tests(), job.title());
    }

    /** An import's job: the centre sees every one, anybody else only their own. */
    public Job job(long id) {
        Caller caller = CallerContext.require(IMPORTERS);
        return jobs.job(IMPORT_JOB, id).filter(job -> caller.hasAnyRole(GtoNorms.PUBLISHERS) || caller.login().equals(job.actor()))
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "gto.no-such-import"));
    }

    // ---- counts ----------------------------------------------------------------------------

    /** A year's counts: the school's (when asked, within scope), its or the asked territory's, and the region's. */
    public record Report(int year, Tally school, Tally territory, Tally region) {
    }

    public Report counts(int year, String schoolCode, String territoryCode) throws Exception {
        Caller caller = CallerContext.require(READERS);
        if (schoolCode != null && !caller.scope().contains(schoolCode)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "gto.no-such-school", schoolCode);
        }
        Counted counted = counted(year);
        String territory = territoryCode;
        if (schoolCode != null && counted.schools().get(schoolCode) != null) {
            territory = counted.schools().get(schoolCode).territoryCode();
        }
        Levels<Tally> levels = counted.levels();
        return new Report(year, schoolCode == null ? null : levels.school(schoolCode), territory == null ? null : levels.territory(territory),
                levels.region());
    }

    /** Every school's counts of a year within the caller's scope, by code. */
    public Map<String, Tally> schoolCounts(int year) throws Exception {
        Caller caller = CallerContext.require(READERS);
        Map<String, Tally> within = new java.util.TreeMap<>();
        counted(year).levels().schools().forEach((code, tally) -> {
            if (caller.scope().contains(code)) {
                within.put(code, tally);
            }
        });
        return within;
    }

    /** Every territory's counts of a year, by code: aggregates, open to every reader like the region's. */
    public Map<String, Tally> territoryCounts(int year) throws Exception {
        CallerContext.require(READERS);
        return new java.util.TreeMap<>(counted(year).levels().territories());
    }

    /** The years that have tests, the newest first: aggregates' years, open like the region's counts. */
    public List<Integer> years() throws Exception {
        CallerContext.require(READERS);
        // read again only after an import: the public cards ask on each visit
        return yearsKept.get("years", store.generation(), () -> List.copyOf(store.years()));
    }

    private final Kept<String, List<Integer>> yearsKept = Kept.of(Kept.UNTIL_CHANGED, 1);

    /** A school's counts of a year, for the form 8 calculator (which runs as the system: no caller's check here). */
    public Tally schoolTally(String schoolCode, int year) throws Exception {
        return counted(year).levels().school(schoolCode);
    }

    /** A year's counts and the catalog they were placed with. */
    private record Counted(Levels<Tally> levels, Map<String, Organisation> schools) {
    }

    /** Kept while no import commits (forms ask on every read), at most a minute: the catalog's territories may change meanwhile. */
    private final Kept<Integer, Counted> counted = Kept.of(Duration.ofMinutes(1), 16);

    private Counted counted(int year) throws Exception {
        return counted.get(year, store.generation(), () -> {
            Map<String, Organisation> schools = schools();
            return new Counted(Counts.of(store.tests(year), code -> Optional.ofNullable(schools.get(code)).map(Organisation::territoryCode).orElse(null)),
                    schools);
        });
    }

    /** A participant's test with its badge and the explanation, judged again by the edition that judged it. */
    public record Line(String code, String gtoId, String sex, LocalDate birthDate, LocalDate testDate, String edition,
                       BadgeCalculator.Assessment assessment) {
    }

    /** A school's tests of a year, newest first, within the caller's scope. */
    public List<Line> participants(String schoolCode, int year) throws Exception {
        Caller caller = CallerContext.require(READERS);
        if (schoolCode == null || !caller.scope().contains(schoolCode)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "gto.no-such-school", schoolCode == null ? "" : schoolCode);
        }
        Map<String, Optional<Norms>> editions = new HashMap<>();
        return store.tests(year).stream().filter(t -> t.school().equals(schoolCode))
                .sorted(Comparator.comparing(Participant::testDate).reversed().thenComparing(Participant::code))
                .map(t -> {
                    Optional<Norms.Stage> stage = editions.computeIfAbsent(t.edition(), norms::judged)
                            .flatMap(n -> NormsBook.stageOf(n, t.birthDate(), t.testDate()));
                    BadgeCalculator.Assessment assessment = stage.map(s -> BadgeCalculator.assess(s, t.sex(), t.results()))
                            .orElse(t.assessment());
                    return new Line(t.code(), t.gtoId(), t.sex().name(), t.birthDate(), t.testDate(), t.edition(), assessment);
                }).toList();
    }

    /** Every school of the region by code, whoever asks: a file names schools outside a caller's scope too. */
    private Map<String, Organisation> schools() throws Exception {
        return catalog.regionSchools();
    }
}
