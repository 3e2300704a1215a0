package org.oko.noko.internal.publication;

import static org.oko.noko.internal.NokoTexts.TEXTS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Territory;
import org.oko.compendium.api.Chapter;
import org.oko.compendium.api.ChapterRequest;
import org.oko.compendium.api.ChapterSource;
import org.oko.noko.internal.campaign.Campaign;
import org.oko.noko.internal.campaign.NokoCampaigns;
import org.oko.noko.internal.scores.NokoScores;
import org.oko.platform.api.rest.ApiMessage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * НОКО's chapter of the compendium, once the year's campaign is published: the organisations scored and their mean
 * score per municipality beside the region's, the region's mean by criterion, and a chart of the municipalities'
 * means. A campaign not yet published gives an empty chapter, as its scores are not final.
 */
@Component(property = ChapterSource.SOURCE + "=noko")
public class NokoChapter implements ChapterSource {

    @Reference
    private NokoCampaigns campaigns;

    @Reference
    private NokoScores scores;

    @Reference
    private CatalogService catalog;

    @Override
    public ApiMessage title() {
        return TEXTS.text("noko.public.title");
    }

    @Override
    public Chapter chapter(ChapterRequest request) throws Exception {
        Optional<Campaign> campaign = campaigns.all().stream().filter(c -> c.year() == request.year() && Campaign.PUBLISHED.equals(c.state())).findFirst();
        if (campaign.isEmpty()) {
            return new Chapter(title(), List.of());
        }
        NokoScores.Results results = scores.all(request.year());
        Map<String, List<BigDecimal>> byTerritory = new LinkedHashMap<>();
        List<BigDecimal> all = new ArrayList<>();
        Map<String, List<BigDecimal>> byCriterion = new LinkedHashMap<>();
        for (NokoScores.Line line : results.lines()) {
            if (line.result().total() == null) {
                continue;
            }
            byTerritory.computeIfAbsent(line.territory() == null ? "" : line.territory(), k -> new ArrayList<>()).add(line.result().total());
            all.add(line.result().total());
            line.result().criteria().forEach((code, points) -> {
                if (points != null) {
                    byCriterion.computeIfAbsent(code, k -> new ArrayList<>()).add(points);
                }
            });
        }
        if (all.isEmpty()) {
            return new Chapter(title(), List.of());
        }
        List<Chapter.Row> rows = new ArrayList<>();
        List<ApiMessage> names = new ArrayList<>();
        List<BigDecimal> means = new ArrayList<>();
        for (Territory t : catalog.territories()) {
            List<BigDecimal> totals = byTerritory.get(t.code());
            if (totals != null) {
                ApiMessage name = new ApiMessage(t.name(), null);
                rows.add(new Chapter.Row(name, List.of(totals.size(), mean(totals))));
                names.add(name);
                means.add(mean(totals));
            }
        }
        List<Chapter.Row> criteria = new ArrayList<>();
        results.method().criteria().forEach(c -> criteria.add(new Chapter.Row(new ApiMessage(c.name(), null),
                java.util.Collections.singletonList(byCriterion.containsKey(c.code()) ? mean(byCriterion.get(c.code())) : null))));
        String year = String.valueOf(request.year());
        return new Chapter(title(), List.of(
                Chapter.Text.paragraph(TEXTS.text("noko.compendium.lead", year, all.size())),
                new Chapter.Table(TEXTS.text("noko.compendium.territories", year), TEXTS.text("noko.compendium.municipality"),
                        List.of(TEXTS.text("noko.compendium.scored"), TEXTS.text("noko.compendium.mean")), rows,
                        new Chapter.Row(TEXTS.text("noko.compendium.region"), List.of(all.size(), mean(all))), null),
                new Chapter.Table(TEXTS.text("noko.compendium.criteria", year), TEXTS.text("noko.compendium.criterion"),
                        List.of(TEXTS.text("noko.compendium.mean")), criteria, null, null),
                new Chapter.Chart(TEXTS.text("noko.compendium.chart", year), Chapter.Chart.BARS, names,
                        List.of(new Chapter.Series(TEXTS.text("noko.compendium.mean"), means)), TEXTS.text("noko.public.points"))));
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }
}
