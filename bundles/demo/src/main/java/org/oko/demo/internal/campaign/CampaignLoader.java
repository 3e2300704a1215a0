package org.oko.demo.internal.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.karaf.features.BootFinished;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.Territory;
import org.oko.demo.internal.Catalogs;
import org.oko.demo.internal.RegionReady;
import org.oko.demo.internal.Worker;
import org.oko.forms.api.FormRegistry;
import org.oko.forms.api.Submissions;
import org.oko.scheduling.api.Campaigns;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With demo data on, the current year's МИАС campaign (the shipped roadmap of seed 000): its forms assigned to the
 * schools of a few territories through the roadmap's steps and filled by each school with values of its own
 * ({@link org.oko.demo.internal.forms}) to every state — mostly confirmed, some sent, returned, being filled, not
 * started; form 1 in autumn in every state, late ones overdue. The past year's forms 3, 4 and 5 are there too, all
 * confirmed, for the analytics' dynamics. DS starts it once the demo region is in the catalog ({@link RegionReady});
 * it works on its own thread, through the scheduling and forms APIs; a form whose module is not installed is
 * skipped. A database with the campaign is left alone.
 */
@Component(service = {}, immediate = true)
public class CampaignLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignLoader.class);
    static final String FORM = "miac-1";
    /** Spring: three territories, nearly all confirmed. */
    private static final DemoSubmissions.Shares SPRING = new DemoSubmissions.Shares(80, 10, 5, 5);
    /** Form 1 in autumn: five territories, every state, late ones overdue. */
    private static final DemoSubmissions.Shares AUTUMN_FORM_1 = new DemoSubmissions.Shares(25, 20, 15, 40);
    /** Forms 4 and 5 in autumn: the same schools, mostly confirmed (the analytics read them). */
    private static final DemoSubmissions.Shares AUTUMN = new DemoSubmissions.Shares(75, 10, 5, 10);

    /** A roadmap step the demo fills: its schools are those of the first {@code territories} territories. */
    private record Fill(String step, int territories, DemoSubmissions.Shares shares) {
    }

    private static final List<Fill> FILLS = List.of(new Fill("form-1-spring", 3, SPRING), new Fill("form-1-autumn", 5, AUTUMN_FORM_1),
            new Fill("form-2", 3, SPRING), new Fill("form-3", 3, SPRING), new Fill("form-4-autumn", 5, AUTUMN), new Fill("form-5-autumn", 5, AUTUMN),
            new Fill("form-6", 3, SPRING), new Fill("form-9", 3, SPRING), new Fill("form-10", 3, SPRING), new Fill("form-11", 3, SPRING),
            new Fill("form-12", 3, SPRING));

    /** Assigned and left to their modules (ВПР fills form 7 from the demo's results). */
    private static final List<String> MODULE_FILLED = List.of("form-7");

    /** A form of the past year, assigned directly (no campaign is created for it), all confirmed; {@code autumn}: period {@code <year>-2}. */
    private record Past(String form, boolean autumn, int territories) {
    }

    /** Forms 4 and 5 in autumn and form 3 (spring): the analytics' dynamics. */
    private static final List<Past> PAST_YEAR = List.of(new Past("miac-4", true, 5), new Past("miac-5", true, 5), new Past("miac-3", false, 3));

    /** There once the demo region is in the catalog, and only with demo data on: this component starts then. */
    @Reference
    private RegionReady region;

    /** Registered by Karaf once its boot features are started: this long load does not slow the start. */
    @Reference
    private BootFinished started;

    @Reference
    private Campaigns campaigns;

    @Reference
    private Submissions submissions;

    @Reference
    private CatalogService catalog;

    @Reference
    private FormRegistry forms;

    private final Worker worker = new Worker("oko-demo-campaign");
    /** Forms found missing: said once in the log. */
    private final Set<String> missing = new HashSet<>();

    @Activate
    void activate() {
        worker.submit(this::load);
    }

    @Deactivate
    void deactivate() {
        worker.stop();
    }

    private void load() {
        int year = campaigns.today().getYear();
        String code = "miac-" + year;
        if (campaigns.exists(code)) {
            return;
        }
        if (forms.latest(FORM).isEmpty()) {
            LOG.warn("Demo campaign skipped: form {} is not installed", FORM);
            return;
        }
        long started = System.nanoTime();
        List<Campaigns.Step> steps = campaigns.create(campaigns.miacRoadmap(year));
        LocalDate today = campaigns.today();
        for (Campaigns.Step step : steps) {
            if (!step.collectsForm() && step.deadline() != null && step.deadline().isBefore(today.minusDays(40))) {
                campaigns.markDone(code, step.id(), true); // the region did the past tasks; the recent ones are late
            }
        }
        List<Territory> territories = catalog.territories().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
        DemoSubmissions demo = new DemoSubmissions(submissions, worker::stopping);
        Random states = new Random(year);
        int sent = 0;
        for (Fill fill : FILLS) {
            Campaigns.Step step = step(steps, fill.step());
            if (installed(step.form()) && !worker.stopping()) {
                sent += demo.fill(step.period(), step.form(), year, schools(territories, 0, fill.territories()), fill.shares(), states);
            }
        }
        for (String id : MODULE_FILLED) {
            Campaigns.Step step = step(steps, id);
            if (installed(step.form())) {
                demo.assign(step.period(), step.form(), schools(territories, 0, 5)); // ВПР has results for them all
            }
        }
        for (Past past : PAST_YEAR) {
            if (installed(past.form()) && !worker.stopping()) {
                String period = (year - 1) + (past.autumn() ? "-2" : "");
                sent += demo.fill(period, past.form(), year - 1, schools(territories, 0, past.territories()), DemoSubmissions.Shares.CLOSED, states);
            }
        }
        LOG.info("Demo campaign {} loaded: {} submissions filled and sent in {} ms", code, sent, (System.nanoTime() - started) / 1_000_000);
    }

    private boolean installed(String form) {
        if (forms.latest(form).isPresent()) {
            return true;
        }
        if (missing.add(form)) {
            LOG.info("Demo campaign: form {} is not installed, not filled", form);
        }
        return false;
    }

    private static Campaigns.Step step(List<Campaigns.Step> steps, String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the МИАС roadmap has no step " + id));
    }

    /** Head municipal and state schools of territories [from, to) in code order. */
    private List<Organisation> schools(List<Territory> territories, int from, int to) {
        List<Organisation> schools = new ArrayList<>();
        for (Territory territory : territories.subList(Math.min(from, territories.size()), Math.min(to, territories.size()))) {
            for (Organisation school : catalog.allOrganisations(new OrganisationFilter(territory.code(), null, null, OrganisationStatus.ACTIVE,
                    OrganisationKind.SCHOOL, null))) {
                if (school.parentCode() == null && (school.founderType() == FounderType.MUNICIPAL || school.founderType() == FounderType.STATE)) {
                    schools.add(school);
                }
            }
        }
        return schools;
    }
}
