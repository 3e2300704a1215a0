package org.oko.noko.internal.publication;

import static org.oko.noko.internal.NokoTexts.TEXTS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.oko.noko.internal.campaign.Campaign;
import org.oko.noko.internal.campaign.NokoCampaigns;
import org.oko.noko.internal.plans.NokoPlans;
import org.oko.noko.internal.plans.Plan;
import org.oko.noko.internal.scores.NokoScores;
import org.oko.platform.api.cache.Kept;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.procedure.api.PublicResults;
import org.oko.procedure.api.PublicTable;
import org.oko.procedure.api.ResultsImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * НОКО in the public school catalogue, when the region publishes it: for each published campaign, newest first, the
 * organisation's points by criterion and its score, and its approved remedy plan with the reports. A score from fewer
 * respondents than the least group is left out; the plan is public once approved, as on НОКО's own page.
 */
@Component(property = ResultsImporter.PROCEDURE + "=noko")
public class NokoPublicResults implements PublicResults {

    @Reference
    private NokoCampaigns campaigns;

    @Reference
    private NokoScores scores;

    @Reference
    private NokoPlans plans;

    @Override
    public ApiMessage title() {
        return TEXTS.text("noko.public.title");
    }

    @Override
    public List<PublicTable> school(String schoolCode, int minGroup) throws Exception {
        List<PublicTable> tables = new ArrayList<>();
        List<Campaign> published = campaigns.all().stream().filter(c -> Campaign.PUBLISHED.equals(c.state()))
                .sorted(Comparator.comparingInt(Campaign::year).reversed()).toList();
        for (Campaign campaign : published) {
            NokoScores.Results results = results(campaign.year());
            Optional<NokoScores.Line> line = results.lines().stream().filter(l -> l.organisation().equals(schoolCode)).findFirst();
            if (line.isPresent() && line.get().result().respondents() >= minGroup) {
                List<PublicTable.Row> rows = new ArrayList<>();
                results.method().criteria().forEach(c -> rows.add(new PublicTable.Row(new ApiMessage(c.name(), c.name()),
                        List.of(line.get().result().criteria().get(c.code())))));
                rows.add(new PublicTable.Row(TEXTS.text("noko.public.score"), List.of(line.get().result().total())));
                tables.add(new PublicTable(TEXTS.text("noko.public.scores", String.valueOf(campaign.year())), List.of(TEXTS.text("noko.public.points")), rows,
                        TEXTS.text("noko.public.note", line.get().result().band(), line.get().result().respondents())));
            }
            Optional<Plan> plan = plans.published(campaign.year(), schoolCode);
            if (plan.isPresent()) {
                tables.add(plan(campaign.year(), plan.get()));
            }
        }
        return tables;
    }

    /** A published year's scores of every organisation, scored once a minute at most: each public card asks for them. */
    private NokoScores.Results results(int year) throws Exception {
        return kept.get(year, null, () -> scores.all(year));
    }

    private final Kept<Integer, NokoScores.Results> kept = Kept.of(java.time.Duration.ofMinutes(1), 8);

    private static PublicTable plan(int year, Plan plan) {
        List<PublicTable.Row> rows = plan.measures().stream().map(m -> {
            List<Object> cells = new ArrayList<>();
            cells.add(same(m.measure()));
            cells.add(same(m.deadline().toString()));
            cells.add(m.result() == null ? TEXTS.text("noko.public.in-progress") : same(m.result()));
            return new PublicTable.Row(same(m.shortcoming()), cells);
        }).toList();
        return new PublicTable(TEXTS.text("noko.public.plan", String.valueOf(year)), List.of(TEXTS.text("noko.public.measure"),
                TEXTS.text("noko.public.deadline"), TEXTS.text("noko.public.report")), rows, null);
    }

    /** A text the organisation wrote: the same in both languages. */
    private static ApiMessage same(String text) {
        return new ApiMessage(text, text);
    }
}
