package ${package}.internal;

import static ${package}.internal.ModuleTexts.TEXTS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.oko.catalog.api.CatalogService;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.jobs.Job;
import org.oko.platform.api.jobs.Jobs;
import org.oko.platform.api.security.CallerContext;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.ColumnMemory;
import org.oko.tables.api.TableImport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A results file as a background job with progress: read and checked by the platform's pipeline with
 * this module's {@link ResultsReader}, then written whole, or nothing and every problem named. The
 * results are held in memory until the file is known good: enough for tens of thousands of rows; a
 * procedure with millions streams them into its transaction as ВПР does.
 */
@Component(service = ResultsImport.class)
public class ResultsImport {

    public static final String JOB_KIND = "${moduleId}.import";

    @Reference
    private Jobs jobs;

    @Reference
    private ResultStore store;

    @Reference
    private CatalogService catalog;

    @Reference
    private ColumnMemory columnMemory;

    @Reference
    private StorageGuard storage;

    @Reference
    private AuditTrail audit;

    /** Starts the job, which owns (and deletes) the file from then on. */
    public Job start(Spec spec, Path file, String fileName, Map<String, String> columns) {
        return jobs.start(JOB_KIND, fileName, job -> {
            try {
                run(job, spec, file, columns);
            } finally {
                Files.deleteIfExists(file);
            }
        });
    }

    public Job job(long id) {
        return jobs.job(JOB_KIND, id).orElseThrow(() -> TEXTS.refusal(org.oko.platform.api.rest.ApiException.Kind.NOT_FOUND, "${moduleId}.no-such-import"));
    }

    void run(Job job, Spec spec, Path file, Map<String, String> columns) throws Exception {
        job.detail("spec", spec.key());
        job.state("READING");
        List<Result> results = new ArrayList<>();
        Map<String, Boolean> known = new HashMap<>(); // a file names each school many times: ask the catalog once
        Predicate<String> knownSchool = code -> known.computeIfAbsent(code,
                c -> CallerContext.asSystem(() -> catalog.organisation(c)).isPresent());
        TableImport.Outcome outcome = new TableImport(Columns.ALL, columns, columnMemory.remembered(JOB_KIND),
                rows -> job.detail("rowsRead", rows))
                .read(file, job.title(), new ResultsReader(spec, knownSchool), (result, row) -> results.add(result));
        job.detail("rowsRead", outcome.rows());
        job.detail("columns", outcome.columns());
        if (!outcome.good()) {
            job.detail("problemCount", outcome.problemCount());
            job.detail("problems", outcome.problems());
            job.fail(TEXTS.text("${moduleId}.job.file-has-errors", outcome.problemCount()).joined());
            return;
        }
        var refusal = storage.writeRefusal();
        if (refusal.isPresent()) {
            job.fail(TEXTS.text("${moduleId}.job.nothing-written", refusal.get()).joined());
            return;
        }
        job.state("WRITING");
        store.replace(spec.key(), results);
        job.detail("results", results.size());
        columnMemory.remember(JOB_KIND, ColumnMapping.choices(outcome.columns()));
        audit.record(JOB_KIND, spec.key(), job.title() + ": " + results.size());
    }
}
