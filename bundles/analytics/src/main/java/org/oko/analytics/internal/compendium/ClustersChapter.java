package org.oko.analytics.internal.compendium;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.oko.analytics.internal.AnalyticsService;
import org.oko.analytics.internal.AnalyticsSpecs;
import org.oko.analytics.internal.clusters.ClusterModel;
import org.oko.catalog.api.CatalogService;
import org.oko.compendium.api.Chapter;
import org.oko.compendium.api.ChapterRequest;
import org.oko.compendium.api.ChapterSource;
import org.oko.platform.api.rest.ApiMessage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The compendium's chapter of the cluster model: how many schools of each municipality fall in each cluster, how many
 * moved since the year before, and a chart of the region's clusters. Options: {@code catalogue}, {@code model} (the first).
 */
@Component(property = ChapterSource.SOURCE + "=analytics.clusters")
public class ClustersChapter implements ChapterSource {

    @Reference
    private AnalyticsService analytics;

    @Reference
    private AnalyticsSpecs specs;

    @Reference
    private CatalogService catalog;

    @Override
    public ApiMessage title() {
        return TEXTS.text("analytics.compendium.clusters");
    }

    @Override
    public Chapter chapter(ChapterRequest request) throws Exception {
        ClusterModel model = specs.model(request.text("model", null));
        List<AnalyticsService.Placed> placed = analytics.clusters(request.text("catalogue", null), model.key(), request.year());
        // the year's schools as the clusters placed them (kept with the year's values): no second read of the catalog
        java.util.function.Function<String, String> territoryOf = analytics.year(request.text("catalogue", null), request.year()).territoryOf();
        Map<String, String> clusters = new LinkedHashMap<>(); // code → name, in the model's order, then any the k-means named
        model.clusters().forEach(c -> clusters.put(c.code(), c.name()));
        placed.forEach(p -> clusters.putIfAbsent(p.assignment().cluster(), p.assignment().name()));
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        Map<String, Integer> region = new LinkedHashMap<>();
        int moved = 0;
        for (AnalyticsService.Placed p : placed) {
            String t = territoryOf.apply(p.assignment().school());
            counts.computeIfAbsent(t == null ? "" : t, k -> new LinkedHashMap<>()).merge(p.assignment().cluster(), 1, Integer::sum);
            region.merge(p.assignment().cluster(), 1, Integer::sum);
            moved += p.previous() != null && !p.previous().equals(p.assignment().cluster()) ? 1 : 0;
        }
        List<ApiMessage> columns = clusters.values().stream().map(Territories::same).toList();
        Map<String, ApiMessage> names = Territories.names(catalog);
        List<Chapter.Row> rows = new ArrayList<>();
        counts.forEach((t, byCluster) -> rows.add(new Chapter.Row(names.getOrDefault(t, Territories.same(t)),
                clusters.keySet().stream().map(c -> (Object) byCluster.getOrDefault(c, 0)).toList())));
        List<Chapter.Block> blocks = new ArrayList<>();
        blocks.add(Chapter.Text.paragraph(TEXTS.text("analytics.compendium.clusters.lead", model.title(), placed.size(), moved)));
        blocks.add(new Chapter.Table(TEXTS.text("analytics.compendium.clusters.table"), TEXTS.text("analytics.compendium.municipality"), columns, rows,
                new Chapter.Row(TEXTS.text("analytics.compendium.region"), clusters.keySet().stream().map(c -> (Object) region.getOrDefault(c, 0)).toList()),
                null));
        blocks.add(new Chapter.Chart(TEXTS.text("analytics.compendium.clusters.chart"), Chapter.Chart.BARS, columns,
                List.of(new Chapter.Series(TEXTS.text("analytics.compendium.schools"),
                        clusters.keySet().stream().map(c -> BigDecimal.valueOf(region.getOrDefault(c, 0))).toList())), null));
        return new Chapter(title(), blocks);
    }
}
