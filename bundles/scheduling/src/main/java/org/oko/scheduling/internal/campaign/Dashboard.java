package org.oko.scheduling.internal.campaign;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import org.oko.platform.api.rest.ApiException;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.Territory;
import org.oko.forms.api.SubmissionState;
import org.oko.forms.api.Submissions;
import org.oko.platform.api.security.CallerContext;
import org.oko.scheduling.api.ProductionCalendar;
import org.oko.scheduling.internal.SchedulingSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Completion of one form step: the region by territory, or one territory by school (the drill-down
 * region → territory → school), within the caller's scope. Completion is the mean fill percentage of
 * the assigned submissions.
 */
@Component(service = Dashboard.class)
public class Dashboard {

    @Reference
    private CampaignService campaigns;

    @Reference
    private Submissions submissions;

    @Reference
    private CatalogService catalog;

    @Reference
    private ProductionCalendar calendar;

    @Reference
    private SchedulingSettings settings;

    public record Counts(int assigned, int notStarted, int inProgress, int submitted, int returned, int verified, int confirmed,
                         int overdue, int confirmationOverdue, int completion) {
    }

    /**
     * A territory or a school. For a school: its submission, state, fill percentage and the day its
     * founder's letter is due.
     */
    public record Row(String code, String name, Counts counts, Long submissionId, SubmissionState state, LocalDate confirmationDue) {
    }

    public record View(String campaign, String step, String stepTitle, String form, String period, LocalDate deadline, LocalDate today,
                       String territoryCode, String territoryName, List<Row> rows, Counts total) {
    }

    /** @param territoryCode null for the region by territory, a code for that territory by school */
    public View view(String campaign, String stepId, String territoryCode) {
        CallerContext.require(CampaignService.READERS);
        CampaignService.Stored stored = campaigns.get(campaign);
        CampaignDefinition definition = stored.definition();
        CampaignDefinition.Step step = definition.step(stepId);
        if (step == null || !step.collectsForm()) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "campaign.no-such-form", stepId);
        }
        LocalDate deadline = campaigns.deadlines(definition, campaigns.events(campaign)).get(stepId).orElse(null);
        LocalDate today = settings.today();
        List<Submissions.Status> statuses = submissions.statuses(step.period(), step.form());
        Map<String, Organisation> organisations = organisations();
        Map<String, String> territories = new HashMap<>();
        for (Territory territory : CallerContext.asSystem(() -> catalog.territories())) {
            territories.put(territory.code(), territory.name());
        }
        if (territoryCode != null && !territories.containsKey(territoryCode)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "campaign.no-such-territory", territoryCode);
        }
        Map<String, Tally> groups = new TreeMap<>();
        Map<String, Row> schoolRows = new TreeMap<>();
        Tally total = new Tally();
        for (Submissions.Status status : statuses) {
            Organisation school = organisations.get(status.organisationCode());
            String territory = school == null || school.territoryCode() == null ? "—" : school.territoryCode();
            if (territoryCode != null && !territoryCode.equals(territory)) {
                continue;
            }
            LocalDate letterDue = Overdue.confirmationDue(status, definition.confirmationDays(), calendar, settings.zone());
            Tally tally = new Tally();
            tally.add(status, Overdue.submission(status, deadline, today), Overdue.confirmation(letterDue, today));
            total.add(status, Overdue.submission(status, deadline, today), Overdue.confirmation(letterDue, today));
            if (territoryCode == null) {
                groups.computeIfAbsent(territory, t -> new Tally()).add(status, Overdue.submission(status, deadline, today),
                        Overdue.confirmation(letterDue, today));
            } else {
                schoolRows.put(status.organisationCode(), new Row(status.organisationCode(), school == null ? status.organisationCode()
                        : school.shortName(), tally.counts(), status.id(), status.state(), letterDue));
            }
        }
        List<Row> rows = new ArrayList<>();
        if (territoryCode == null) {
            groups.forEach((code, tally) -> rows.add(new Row(code, territories.getOrDefault(code, TEXTS.text("dashboard.no-territory").joined()),
                    tally.counts(), null, null, null)));
            rows.sort((a, b) -> a.name().compareTo(b.name()));
        } else {
            rows.addAll(schoolRows.values());
        }
        return new View(campaign, stepId, step.title(), step.form(), step.period(), deadline, today, territoryCode,
                territoryCode == null ? null : territories.get(territoryCode), rows, total.counts());
    }

    /** The view as the XLSX "general report by district" (or by school of one territory). */
    public byte[] xlsx(String campaign, String stepId, String territoryCode) {
        return DashboardXlsx.write(view(campaign, stepId, territoryCode));
    }

    /** Every school of the catalog, closed ones too (past campaigns still show them); the scope is the submissions'. */
    private Map<String, Organisation> organisations() {
        Map<String, Organisation> byCode = new HashMap<>();
        for (Organisation organisation : CallerContext.asSystem(() -> catalog.allOrganisations(
                new OrganisationFilter(null, null, null, null, OrganisationKind.SCHOOL, null)))) {
            byCode.put(organisation.code(), organisation);
        }
        return byCode;
    }


    private static final class Tally {
        private int assigned;
        private int notStarted;
        private int inProgress;
        private int submitted;
        private int returned;
        private int verified;
        private int confirmed;
        private int overdue;
        private int confirmationOverdue;
        private long completionSum;

        void add(Submissions.Status status, boolean late, boolean letterLate) {
            assigned++;
            completionSum += status.completion();
            switch (status.state()) {
                case ASSIGNED -> notStarted++;
                case IN_PROGRESS -> inProgress++;
                case SUBMITTED -> submitted++;
                case RETURNED -> returned++;
                case VERIFIED -> verified++;
                case CONFIRMED, LOCKED -> confirmed++;
            }
            overdue += late ? 1 : 0;
            confirmationOverdue += letterLate ? 1 : 0;
        }

        Counts counts() {
            int completion = assigned == 0 ? 0 : (int) Math.round((double) completionSum / assigned);
            return new Counts(assigned, notStarted, inProgress, submitted, returned, verified, confirmed, overdue, confirmationOverdue, completion);
        }
    }
}
