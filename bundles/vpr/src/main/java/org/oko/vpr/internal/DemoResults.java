package org.oko.vpr.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.platform.api.PlatformSettings;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.vpr.internal.spec.SpecRegistry;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Result;
import org.oko.vpr.internal.store.ResultStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo data (when {@code demo.data} is on): the shipped tests written by the schools of the first
 * ten territories, last year and this year — plausible results with a handful of schools made to
 * show the signs of non-objective results, so that form 7, the charts and the flags have something
 * to show. Synthetic: generated from a fixed seed, never real pupils.
 */
@Component(service = {}, immediate = true)
public class DemoResults {

    private static final Logger LOG = LoggerFactory.getLogger(DemoResults.class);

    @Reference
    private PlatformSettings settings;

    @Reference
    private CatalogService catalog;

    @Reference
    private SpecRegistry specs;

    @Reference
    private ResultStore store;

    private volatile boolean stopping;

    @Activate
    void activate() {
        if (!settings.demoData()) {
            return;
        }
        Thread worker = new Thread(() -> CallerContext.runAs(Caller.SYSTEM, this::loadWhenReady), "oko-vpr-demo");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    void deactivate() {
        stopping = true;
    }

    private void loadWhenReady() {
        try {
            long giveUp = System.currentTimeMillis() + 180_000;
            // The demo region is loaded in steps by the catalog bundle at the same time: wait until its schools stop
            // arriving, or the first tests would be generated for the few schools there so far (or none).
            long before = -1;
            long schools = schoolCount();
            while (!stopping && (catalog.territories().size() < 10 || schools == 0 || schools != before)) {
                if (System.currentTimeMillis() > giveUp) {
                    return;
                }
                Thread.sleep(1000);
                before = schools;
                schools = schoolCount();
            }
            long started = System.nanoTime();
            int works = 0;
            for (TestSpec spec : specs.latest()) {
                if (stopping || !store.works(spec.key()).isEmpty()) {
                    continue;
                }
                works += load(spec);
            }
            if (works > 0) {
                LOG.info("Demo ВПР results loaded: {} works in {} ms", works, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Demo ВПР results failed", e);
        }
    }

    private long schoolCount() {
        return catalog.organisations(new OrganisationFilter(null, null, null, null, OrganisationKind.SCHOOL, null), 0, 1).total();
    }

    private int load(TestSpec spec) throws Exception {
        Random random = new Random(spec.key().hashCode());
        List<Organisation> schools = new ArrayList<>();
        for (var territory : catalog.territories().stream().sorted(Comparator.comparing(t -> t.code())).limit(10).toList()) {
            schools.addAll(catalog.organisations(new OrganisationFilter(territory.code(), null, null, OrganisationStatus.ACTIVE,
                    OrganisationKind.SCHOOL, null), 0, 1000).items().stream().filter(o -> o.parentCode() == null).toList());
        }
        List<Result> results = new ArrayList<>();
        int thisYear = specs.latest().stream().mapToInt(TestSpec::year).max().orElse(spec.year());
        for (int s = 0; s < schools.size(); s++) {
            String school = schools.get(s).code();
            // Every 23rd school shows the signs this year; every 31st jumps since last year.
            boolean inflated = s % 23 == 5 && spec.year() == thisYear;
            boolean jumped = s % 31 == 7 && spec.year() == thisYear;
            // A school is about as strong every year and in every subject; only the sample varies.
            double schoolLevel = new Random(school.hashCode()).nextGaussian() * 0.03 + (jumped ? 0.3 : 0);
            int participants = 20 + random.nextInt(40);
            for (int p = 0; p < participants; p++) {
                double ability = schoolLevel + random.nextGaussian() * 0.16;
                byte[] scores = new byte[spec.tasks().size()];
                int total = 0;
                for (int t = 0; t < scores.length; t++) {
                    TestSpec.Task task = spec.tasks().get(t);
                    double chance = switch (task.level()) {
                        case BASIC -> 0.66;
                        case ADVANCED -> 0.45;
                        case HIGH -> 0.22;
                    } + ability + (inflated ? (task.level() == TestSpec.Level.HIGH ? 0.65 : 0.15) : 0);
                    int score = 0;
                    for (int point = 0; point < task.max(); point++) {
                        score += random.nextDouble() < Math.max(0.02, Math.min(0.98, chance)) ? 1 : 0;
                    }
                    scores[t] = (byte) score;
                    total += score;
                }
                int mark = spec.scale().markFor(total);
                int journal = inflated ? Math.max(2, mark - 1 - random.nextInt(2))
                        : Math.max(2, Math.min(5, mark + (random.nextDouble() < 0.25 ? 1 : random.nextDouble() < 0.08 ? -1 : 0)));
                results.add(new Result(String.format("%s-%s-%03d", spec.key(), school, p), school, spec.grade() + "А", 1 + p % 2, scores,
                        total, mark, journal));
            }
        }
        store.write(spec, results, "демо-данные", "system");
        return results.size();
    }
}
