package org.oko.olympiad.internal;

import static org.oko.olympiad.internal.OlympiadTexts.TEXTS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.olympiad.internal.results.ResultsReader;
import org.oko.olympiad.internal.results.ScoresReader;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.store.OlympiadStore;
import org.oko.olympiad.internal.year.OlympiadYear;
import org.oko.olympiad.internal.year.Years;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.jobs.Job;
import org.oko.platform.api.jobs.Jobs;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.tables.api.BatchWriter;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.ColumnMemory;
import org.oko.tables.api.TableImport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The olympiad's writes: a stage's results and the organisers' scores imported as background jobs with
 * progress (checked, then written in one transaction: all or nothing), and scores typed in. Who may write
 * what follows who organises what: the centre everything; a municipality (founder) the school and
 * municipal stages of its schools and the passing scores of its territory where the municipality sets
 * them; a school its own school-stage results.
 */
@Component(service = OlympiadService.class)
public class OlympiadService {

    private static final Logger LOG = LoggerFactory.getLogger(OlympiadService.class);
    /** Who imports results: each within the stages they organise and their scope. */
    public static final Role[] IMPORTERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR};
    /** Who sets maximum and passing scores: the centre for the region, a municipality for its territory. */
    public static final Role[] SCORE_SETTERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR};
    private static final Role[] CENTRE = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};
    public static final String IMPORT_JOB = "olympiad.import";
    public static final String SCORES_JOB = "olympiad.scores";

    @Reference
    private Snapshots snapshots;

    @Reference
    private Years years;

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

    private ExecutorService writer; // an import's writing half, beside its reading on the job's thread

    @Activate
    void activate() {
        writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "oko-olympiad-import-writer"));
    }

    @Deactivate
    void deactivate() {
        writer.shutdownNow();
    }

    /** The stage of a year the caller may import results of, or a refusal naming why not. */
    public OlympiadYear.Stage importableStage(int academicYear, String stageCode) {
        Caller caller = CallerContext.require(IMPORTERS);
        OlympiadYear.Stage stage = years.of(academicYear).stage(stageCode)
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.INVALID, "olympiad.no-such-stage", stageCode == null ? "" : stageCode));
        boolean may = caller.hasAnyRole(CENTRE)
                || caller.hasAnyRole(Role.FOUNDER_COORDINATOR) && List.of("school", "territory").contains(stage.rankWithin())
                || caller.hasAnyRole(Role.SCHOOL_COORDINATOR) && "school".equals(stage.rankWithin());
        if (!may) {
            throw TEXTS.refusal(ApiException.Kind.FORBIDDEN, "olympiad.stage-not-yours", stage.name());
        }
        return stage;
    }

    /**
     * Starts a stage's results import as a platform job: READING → DONE, or FAILED with the problems (nothing
     * written). The job owns {@code file} and deletes it. A row of a school outside the caller's scope is an
     * unknown school.
     */
    public Job startImport(int academicYear, String stageCode, Path file, String fileName, Map<String, String> columns) throws Exception {
        Caller caller = CallerContext.require(IMPORTERS);
        OlympiadYear.Stage stage = importableStage(academicYear, stageCode);
        OlympiadYear year = years.of(academicYear);
        Map<String, Organisation> schools = snapshots.schools();
        Scores scores = snapshots.store().scores(academicYear);
        long bytes = Files.size(file);
        return jobs.start(IMPORT_JOB, fileName, job -> {
            job.detail("fileName", fileName);
            job.detail("bytes", bytes);
            job.detail("year", academicYear);
            job.detail("stage", stage.code());
            job.detail("problemCount", 0);
            job.detail("problems", List.of());
            try {
                Predicate<String> known = code -> schools.containsKey(code) && caller.scope().contains(code);
                runImport(job, file, year, stage, scores, known, schools, columns);
            } finally {
                Files.deleteIfExists(file);
            }
        });
    }

    private void runImport(Job job, Path file, OlympiadYear year, OlympiadYear.Stage stage, Scores scores, Predicate<String> known,
                           Map<String, Organisation> schools, Map<String, String> columns) throws Exception {
        job.state("READING");
        Optional<String> refusal = storage.writeRefusal();
        if (refusal.isPresent()) {
            job.fail(TEXTS.text("olympiad.job.nothing-written", refusal.get()));
            return;
        }
        ResultsReader reader = new ResultsReader(year, stage, scores, known,
                code -> Optional.ofNullable(schools.get(code)).map(Organisation::territoryCode).orElse(null),
                columns, columnMemory.remembered(IMPORT_JOB), rows -> job.detail("rowsRead", rows));
        OlympiadStore.Written written;
        TableImport.Outcome read;
        try (BatchWriter<List<Participation>, OlympiadStore.Written> batches = new BatchWriter<>(writer, () -> snapshots.store().begin(job.actor()))) {
            List<Participation> batch = new ArrayList<>(OlympiadStore.BATCH);
            read = reader.read(file, job.title(), (participation, row) -> {
                batch.add(participation);
                if (batch.size() == OlympiadStore.BATCH) {
                    batches.write(List.copyOf(batch));
                    batch.clear();
                }
            });
            job.detail("rowsRead", read.rows());
            job.detail("columns", read.columns());
            if (read.problemCount() > 0) {
                job.detail("problemCount", read.problemCount());
                job.detail("problems", read.problems());
                job.fail(TEXTS.text("olympiad.job.file-has-errors", read.problemCount()));
                return; // closing the writer rolls back
            }
            batches.write(List.copyOf(batch));
            written = batches.commit();
        }
        job.detail("participations", written.participations());
        job.detail("replaced", written.replaced());
        columnMemory.remember(IMPORT_JOB, ColumnMapping.choices(read.columns()));
        audit.record("olympiad.import", job.title(), TEXTS.ru("olympiad.audit.import", job.title(), stage.name(), year.key(),
                written.participations(), written.replaced()));
        LOG.info("ВсОШ: {} participations of the {} stage of {} imported from {}", written.participations(), stage.code(), year.key(), job.title());
    }

    /** An import's job (results or scores): the centre sees every one, anybody else only their own. */
    public Job job(String kind, long id) {
        Caller caller = CallerContext.require(SCORES_JOB.equals(kind) ? SCORE_SETTERS : IMPORTERS);
        return jobs.job(kind, id).filter(job -> caller.hasAnyRole(CENTRE) || caller.login().equals(job.actor()))
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "olympiad.no-such-import"));
    }

    // ---- scores ----------------------------------------------------------------------------

    /**
     * Whether the caller may set the scores of a territory at a stage ({@link Scores#REGION} for the region's own):
     * the centre the region's, and a territory's where the stage's passing scores are set by each municipality;
     * a municipality only its own territory's, and only there.
     */
    private Predicate<String> mayScores(Caller caller, OlympiadYear.Stage stage) throws Exception {
        if (caller.hasAnyRole(CENTRE)) {
            return territory -> territory.isEmpty() || stage.passingByTerritory() && catalog.territory(territory).isPresent();
        }
        String own = CallerContext.callAs(Caller.SYSTEM, () -> catalog.organisation(caller.organisationCode()))
                .map(Organisation::territoryCode).orElse(null);
        return territory -> stage.passingByTerritory() && own != null && own.equals(territory);
    }

    /** Sets scores typed in (a list of subject, grade, territory, max, passing): all or none, each checked as a file's row. */
    public List<Scores.Setting> setScores(int academicYear, String stageCode, List<Map<String, Object>> rows) throws Exception {
        Caller caller = CallerContext.require(SCORE_SETTERS);
        OlympiadYear year = years.of(academicYear);
        OlympiadYear.Stage stage = stage(year, stageCode);
        Path file = Files.createTempFile("oko-olympiad-scores-", ".csv");
        try {
            // Typed rows go through the file's reader, so that typing and importing never differ in their checks.
            StringBuilder csv = new StringBuilder("Предмет;Класс;Код территории;Максимальный балл;Проходной балл\n");
            for (Map<String, Object> row : rows) {
                csv.append(cell(row.get("subject"))).append(';').append(cell(row.get("grade"))).append(';').append(cell(row.get("territory")))
                        .append(';').append(cell(row.get("max"))).append(';').append(cell(row.get("passing"))).append('\n');
            }
            Files.writeString(file, csv);
            List<Scores.Setting> read = new ArrayList<>();
            TableImport.Outcome outcome = new ScoresReader(year, stage, mayScores(caller, stage), caller.login(), Map.of(), Map.of())
                    .read(file, "scores.csv", (setting, line) -> read.add(setting));
            if (outcome.problemCount() > 0) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "olympiad.scores-invalid", outcome.problems().get(0).row() - 1,
                        outcome.problems().get(0).message());
            }
            return write(year, stage, read);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Starts an import of a stage's scores as a platform job, all or nothing. */
    public Job startScoresImport(int academicYear, String stageCode, Path file, String fileName, Map<String, String> columns) throws Exception {
        Caller caller = CallerContext.require(SCORE_SETTERS);
        OlympiadYear year = years.of(academicYear);
        OlympiadYear.Stage stage = stage(year, stageCode);
        Predicate<String> may = mayScores(caller, stage);
        return jobs.start(SCORES_JOB, fileName, job -> {
            job.detail("fileName", fileName);
            job.detail("problemCount", 0);
            job.detail("problems", List.of());
            try {
                job.state("READING");
                List<Scores.Setting> read = new ArrayList<>();
                TableImport.Outcome outcome = new ScoresReader(year, stage, may, job.actor(), columns, columnMemory.remembered(SCORES_JOB))
                        .read(file, fileName, (setting, line) -> read.add(setting));
                job.detail("rowsRead", outcome.rows());
                job.detail("columns", outcome.columns());
                if (outcome.problemCount() > 0) {
                    job.detail("problemCount", outcome.problemCount());
                    job.detail("problems", outcome.problems());
                    job.fail(TEXTS.text("olympiad.job.file-has-errors", outcome.problemCount()));
                    return;
                }
                write(year, stage, read);
                job.detail("set", read.size());
                columnMemory.remember(SCORES_JOB, ColumnMapping.choices(outcome.columns()));
            } finally {
                Files.deleteIfExists(file);
            }
        });
    }

    /** Writes settings over the stored ones; a value left empty keeps the stored one (a passing score set later keeps the maximum). */
    private List<Scores.Setting> write(OlympiadYear year, OlympiadYear.Stage stage, List<Scores.Setting> settings) throws Exception {
        Scores stored = snapshots.store().scores(year.academicYear());
        Map<String, Scores.Setting> before = new java.util.HashMap<>();
        stored.all().forEach(s -> before.put(s.stage() + "|" + s.subject() + "|" + s.grade() + "|" + s.territory(), s));
        List<Scores.Setting> merged = settings.stream().map(s -> {
            Scores.Setting old = before.get(s.stage() + "|" + s.subject() + "|" + s.grade() + "|" + s.territory());
            return old == null ? s : new Scores.Setting(s.year(), s.stage(), s.subject(), s.grade(), s.territory(),
                    s.max() != null ? s.max() : old.max(), s.passing() != null ? s.passing() : old.passing(), s.setBy(), s.setAt());
        }).toList();
        snapshots.store().setScores(merged);
        audit.record("olympiad.scores", year.key() + " " + stage.code(), TEXTS.ru("olympiad.audit.scores", merged.size(), stage.name(), year.key()));
        return merged;
    }

    private static OlympiadYear.Stage stage(OlympiadYear year, String code) {
        return year.stage(code).orElseThrow(() -> TEXTS.refusal(ApiException.Kind.INVALID, "olympiad.no-such-stage", code == null ? "" : code));
    }

    private static String cell(Object value) {
        return value == null ? "" : value.toString().replace(";", " ").replace("\n", " ");
    }
}
