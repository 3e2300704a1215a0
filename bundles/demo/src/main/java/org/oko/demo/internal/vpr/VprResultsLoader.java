package org.oko.demo.internal.vpr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.karaf.features.BootFinished;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.demo.internal.RegionReady;
import org.oko.demo.internal.Worker;
import org.oko.platform.api.specs.Specs;
import org.oko.procedure.api.ResultsImporter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Demo ВПР results (when {@code demo.data} is on): the tests ВПР ships, written by the schools of the
 * first ten territories — plausible results with a handful of schools made to show the signs of
 * non-objective results ({@link VprWorks}). ВПР keeps no demo code and exports nothing: DS starts this
 * component when ВПР offers the kit's results import ({@link ResultsImporter} with
 * {@code oko.procedure=vpr}; installing ВПР later starts it then) and the demo region is in the
 * catalog ({@link RegionReady}). On its own thread it hands ВПР one file per test without results.
 */
@Component(service = {}, immediate = true)
public class VprResultsLoader {

    private static final Logger LOG = LoggerFactory.getLogger(VprResultsLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The import's name in ВПР's history of imports. */
    static final String FILE_NAME = "демо-данные";

    /** There once the demo region is in the catalog, and only with demo data on: this component starts then. */
    @Reference
    private RegionReady region;

    /** Registered by Karaf once its boot features are started: this long load does not slow the start. */
    @Reference
    private BootFinished started;

    @Reference
    private CatalogService catalog;

    @Reference
    private Specs specs;

    @Reference(target = "(" + ResultsImporter.PROCEDURE + "=vpr)")
    private ResultsImporter vpr;

    private final Worker worker = new Worker("oko-demo-vpr");

    @Activate
    void activate() {
        worker.submit(this::load);
    }

    @Deactivate
    void deactivate() {
        worker.stop();
    }

    private void load() throws Exception {
        List<VprTest> tests = new ArrayList<>();
        for (var spec : specs.latest(VprTest.KIND)) {
            tests.add(JSON.readValue(spec.json(), VprTest.class));
        }
        tests.sort(VprTest.NEWEST_FIRST); // this year's tests first: the screen opens on them
        if (tests.isEmpty()) {
            LOG.info("Demo ВПР results: ВПР has published no test yet; they come at the next start");
            return;
        }
        int thisYear = tests.stream().mapToInt(VprTest::year).max().orElse(0);
        List<String> schools = schools();
        long started = System.nanoTime();
        long works = 0;
        for (VprTest test : tests) {
            if (worker.stopping() || vpr.hasResults(test.key())) {
                continue;
            }
            Path file = Files.createTempFile("oko-demo-vpr-", ".csv");
            try {
                Files.writeString(file, VprWorks.csv(test, VprWorks.generate(test, schools, thisYear)), StandardCharsets.UTF_8);
                works += vpr.importFile(test.key(), file, FILE_NAME);
            } finally {
                Files.deleteIfExists(file);
            }
        }
        if (works > 0) {
            LOG.info("Demo ВПР results loaded: {} works in {} ms", works, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The active head schools of the first ten territories, in territory order. */
    private List<String> schools() {
        List<String> schools = new ArrayList<>();
        for (var territory : catalog.territories().stream().sorted(Comparator.comparing(t -> t.code())).limit(10).toList()) {
            schools.addAll(catalog.organisations(new OrganisationFilter(territory.code(), null, null, OrganisationStatus.ACTIVE,
                    OrganisationKind.SCHOOL, null), 0, 1000).items().stream().filter(o -> o.parentCode() == null)
                    .map(o -> o.code()).toList());
        }
        return schools;
    }
}
