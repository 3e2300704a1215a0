package org.oko.demo.internal.campaign;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
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
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.security.Scope;
import org.oko.scheduling.api.Campaigns;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With demo data on, the current year's МИАС campaign (the shipped roadmap of seed 000) with form 1
 * assigned to the schools of a few territories and filled to every state: confirmed, sent, returned,
 * being filled, not started and overdue. DS starts it once the demo region is in the catalog
 * ({@link RegionReady}); it works on its own thread, through the scheduling and forms APIs, when the
 * form's module is there. A database with the campaign is left alone.
 */
@Component(service = {}, immediate = true)
public class CampaignLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignLoader.class);
    static final String FORM = "miac-1";
    private static final byte[] LETTER = "%PDF-1.4\n% Демонстрационное письмо учредителя\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

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
        Random random = new Random(year);
        List<Territory> territories = catalog.territories().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
        int filled = 0;
        for (Campaigns.Step step : steps) {
            if (!step.collectsForm() && step.deadline() != null && step.deadline().isBefore(today.minusDays(40))) {
                campaigns.markDone(code, step.id(), true); // the region did the past tasks; the recent ones are late
            }
        }
        // Spring: three territories, nearly all confirmed. Autumn: five territories, every state, late ones overdue.
        filled += period(step(steps, "form-1-spring"), schools(territories, 0, 3), random, new int[] {80, 10, 5, 5});
        filled += period(step(steps, "form-1-autumn"), schools(territories, 0, 5), random, new int[] {25, 20, 15, 40});
        LOG.info("Demo campaign {} loaded: {} submissions filled in {} ms", code, filled, (System.nanoTime() - started) / 1_000_000);
    }

    private static Campaigns.Step step(List<Campaigns.Step> steps, String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the МИАС roadmap has no step " + id));
    }

    private int period(Campaigns.Step step, List<Organisation> schools, Random random, int[] shares) {
        List<String> codes = schools.stream().map(Organisation::code).toList();
        List<Submissions.Outcome> outcomes = submissions.assign(step.period(), step.form(), codes);
        int filled = 0;
        for (int i = 0; i < outcomes.size() && !worker.stopping(); i++) {
            Submissions.Outcome outcome = outcomes.get(i);
            if (outcome.result() != Submissions.Result.DONE) {
                continue;
            }
            Organisation school = schools.get(i);
            int roll = random.nextInt(100);
            long id = outcome.submissionId();
            Caller schoolCaller = new Caller("demo.school", school.code(), EnumSet.of(Role.SCHOOL_COORDINATOR), Scope.of(Set.of(school.code())));
            try {
                if (roll < shares[0] + shares[1] + shares[2]) {
                    CallerContext.runAs(schoolCaller, () -> fill(id, random, true));
                    CallerContext.runAs(schoolCaller, () -> submissions.submit(id));
                    filled++;
                    if (roll < shares[0]) {
                        submissions.verify(id);
                        submissions.confirm(id, "письмо-учредителя.pdf", "application/pdf", LETTER);
                    } else if (roll >= shares[0] + shares[1]) {
                        submissions.sendBack(id, "Проверьте численность обучающихся по классам");
                    }
                } else if (roll < shares[0] + shares[1] + shares[2] + shares[3] / 2) {
                    CallerContext.runAs(schoolCaller, () -> fill(id, random, false));
                }
            } catch (RuntimeException e) {
                LOG.warn("Demo submission {} of {} left as it is: {}", id, school.code(), e.getMessage());
            }
        }
        return filled;
    }

    /** МИАС form 1 values of a plausible school; {@code complete} false stops half way. */
    private void fill(long id, Random random, boolean complete) {
        int[] classes = new int[12];
        int[] pupils = new int[12];
        int classesTotal = 0;
        int pupilsTotal = 0;
        for (int grade = 1; grade <= 11; grade++) {
            classes[grade] = grade <= 9 ? 1 + random.nextInt(3) : random.nextInt(2);
            pupils[grade] = classes[grade] * (18 + random.nextInt(9));
            classesTotal += classes[grade];
            pupilsTotal += pupils[grade];
        }
        save(id, "settlement", random.nextBoolean() ? "city" : "rural");
        save(id, "programmes", List.of("noo", "ooo", "soo"));
        save(id, "shifts", 1 + random.nextInt(2));
        save(id, "has_branches", false);
        save(id, "pupils_total", pupilsTotal);
        save(id, "classes_total", classesTotal);
        if (!complete) {
            return;
        }
        for (int grade = 1; grade <= 11; grade++) {
            save(id, "by_grade.classes[" + grade + "]", classes[grade]);
            save(id, "by_grade.pupils[" + grade + "]", pupils[grade]);
        }
        save(id, "by_study_form.pupils[full_time]", pupilsTotal);
        save(id, "by_study_form.pupils[part_time]", 0);
        save(id, "by_study_form.pupils[distance]", 0);
        int teachers = Math.max(8, pupilsTotal / 14);
        save(id, "teachers_total", teachers);
        save(id, "teachers_highest", teachers / 4);
        save(id, "teachers_first", teachers / 3);
        save(id, "teachers_under_35", teachers / 5);
        save(id, "teachers_pensioners", teachers / 4);
        for (String facility : List.of("gym", "library", "canteen", "internet_100")) {
            save(id, facility, random.nextInt(10) > 0);
        }
        save(id, "computers_for_learning", pupilsTotal / 8);
    }

    private void save(long id, String key, Object value) {
        submissions.save(id, key, value, 0);
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
