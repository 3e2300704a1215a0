package org.oko.scheduling.internal.campaign;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.oko.platform.api.rest.ApiException;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.SettlementType;
import org.oko.forms.api.Submissions;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Assigning a form step to schools in bulk, like МИАС «Назначить ОО»: all of mine, a filter, or
 * ticked codes; and withdrawing assignments that hold no data yet. Founders reach their own
 * municipal and state schools, the regional centre every school (federal and private included).
 */
@Component(service = Assignments.class)
public class Assignments {

    private static final Role[] ASSIGNERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR};

    @Reference
    private CampaignService campaigns;

    @Reference
    private Submissions submissions;

    @Reference
    private CatalogService catalog;

    /**
     * Which schools: {@code codes} (ticked), or {@code all}, or a filter by territory, founder type and
     * settlement type; the filters narrow "all of mine".
     */
    public record Selection(List<String> codes, Boolean all, String territoryCode, FounderType founderType, SettlementType settlementType) {
    }

    public record Report(int done, int unchanged, int refused, List<Submissions.Outcome> outcomes) {
    }

    public Report assign(String campaign, String stepId, Selection selection) {
        CallerContext.require(ASSIGNERS);
        CampaignDefinition.Step step = formStep(campaign, stepId);
        return report(submissions.assign(step.period(), step.form(), codes(selection)));
    }

    public Report withdraw(String campaign, String stepId, Selection selection) {
        CallerContext.require(ASSIGNERS);
        CampaignDefinition.Step step = formStep(campaign, stepId);
        return report(submissions.withdraw(step.period(), step.form(), codes(selection)));
    }

    private CampaignDefinition.Step formStep(String campaign, String stepId) {
        CampaignDefinition.Step step = campaigns.get(campaign).definition().step(stepId);
        if (step == null) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "campaign.no-such-step", stepId);
        }
        if (!step.collectsForm()) {
            throw new CampaignService.CampaignException(false, "campaign.step-collects-no", List.of(), step.title());
        }
        return step;
    }

    private Collection<String> codes(Selection selection) {
        if (selection == null) {
            throw new CampaignService.CampaignException(false, "campaign.give-codes-all", List.of());
        }
        if (selection.codes() != null && !selection.codes().isEmpty()) {
            if (selection.codes().size() > 20_000) {
                throw new CampaignService.CampaignException(false, "campaign.at-most-codes", List.of());
            }
            return selection.codes().stream().map(c -> c == null ? "" : c.trim()).toList();
        }
        boolean filtered = selection.territoryCode() != null || selection.founderType() != null || selection.settlementType() != null;
        if (!Boolean.TRUE.equals(selection.all()) && !filtered) {
            throw new CampaignService.CampaignException(false, "campaign.give-codes-all", List.of());
        }
        // The caller's own catalog view: a founder sees its subtree only.
        List<String> codes = new ArrayList<>();
        for (Organisation school : catalog.allOrganisations(new OrganisationFilter(blank(selection.territoryCode()), null, selection.founderType(),
                OrganisationStatus.ACTIVE, OrganisationKind.SCHOOL, null))) {
            boolean head = school.parentCode() == null;
            if (head && (selection.settlementType() == null || selection.settlementType() == school.settlementType())) {
                codes.add(school.code());
            }
        }
        return codes;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Report report(List<Submissions.Outcome> outcomes) {
        Map<Submissions.Result, Integer> counts = new EnumMap<>(Submissions.Result.class);
        outcomes.forEach(o -> counts.merge(o.result(), 1, Integer::sum));
        return new Report(counts.getOrDefault(Submissions.Result.DONE, 0), counts.getOrDefault(Submissions.Result.UNCHANGED, 0),
                counts.getOrDefault(Submissions.Result.REFUSED, 0), outcomes);
    }
}
