package org.oko.vpr.internal.importer;

import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.procedure.api.ResultsImporter;
import org.oko.vpr.internal.VprService;
import org.oko.vpr.internal.spec.SpecRegistry;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.store.ResultStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ВПР's results import for other bundles (the kit's {@link ResultsImporter}, {@code oko.procedure=vpr}):
 * a file read and written like the centre's import (headers by {@link Columns}, all or nothing), on
 * the caller's thread and without replacing, remembering columns or an audit line of a person's import.
 */
@Component(service = ResultsImporter.class, property = ResultsImporter.PROCEDURE + "=vpr")
public class VprResultsImporter implements ResultsImporter {

    private static final Logger LOG = LoggerFactory.getLogger(VprResultsImporter.class);

    @Reference
    private VprService vpr;

    @Reference
    private SpecRegistry specs;

    @Reference
    private ResultStore store;

    private ExecutorService writer;

    @Activate
    void activate() {
        writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "oko-vpr-results-importer"));
    }

    @Deactivate
    void deactivate() {
        writer.shutdownNow();
    }

    @Override
    public boolean hasResults(String test) throws Exception {
        CallerContext.require(VprService.IMPORTERS);
        return !store.works(test).isEmpty();
    }

    @Override
    public long importFile(String test, Path file, String fileName) throws Exception {
        Caller caller = CallerContext.require(VprService.IMPORTERS);
        TestSpec spec = specs.latest(test).orElseThrow(() -> new IllegalArgumentException(TEXTS.text("vpr.unknown-test", test).joined()));
        Set<String> schools = vpr.schools().keySet();
        ResultsImport.Outcome outcome = new ResultsImport(spec, store, writer).run(file, fileName, caller.login(), schools::contains,
                store.works(spec.key()), false, Map.of(), Map.of(), new ResultsImport.Progress() {
                    @Override
                    public void read(long rows) {
                    }

                    @Override
                    public void written(long works) {
                    }
                });
        if (outcome.written() == null) {
            throw new IllegalArgumentException(TEXTS.text("vpr.file-has-errors", outcome.problemCount(),
                    outcome.problems().stream().limit(5).toList()).joined());
        }
        LOG.info("ВПР {}: {} works imported from {} by {}", spec.key(), outcome.written().works(), fileName, caller.login());
        return outcome.written().works();
    }
}
