package org.oko.analytics.internal.compendium;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.oko.analytics.internal.AnalyticsService;
import org.oko.analytics.internal.catalogue.Catalogue;
import org.oko.analytics.internal.store.AnalyticsStore;
import org.oko.compendium.api.Chapter;
import org.oko.compendium.api.ChapterRequest;
import org.oko.compendium.api.ChapterSource;
import org.oko.platform.api.rest.ApiMessage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The compendium's chapter of the indicators' dynamics: the region's value of each indicator over the last
 * {@code years} years (3), and a chart per theme of its first indicator with the region's target. Options:
 * {@code catalogue}, {@code years} (2–10).
 */
@Component(property = ChapterSource.SOURCE + "=analytics.dynamics")
public class DynamicsChapter implements ChapterSource {

    @Reference
    private AnalyticsService analytics;

    @Override
    public ApiMessage title() {
        return TEXTS.text("analytics.compendium.dynamics");
    }

    @Override
    public Chapter chapter(ChapterRequest request) throws Exception {
        String catalogueKey = request.text("catalogue", null);
        int years = Math.max(2, Math.min(10, request.number("years", 3)));
        int from = request.year() - years + 1;
        List<ApiMessage> columns = new ArrayList<>();
        List<AnalyticsService.Year> read = new ArrayList<>();
        for (int y = from; y <= request.year(); y++) {
            columns.add(Territories.same(String.valueOf(y)));
            read.add(analytics.year(catalogueKey, y));
        }
        Catalogue catalogue = read.get(read.size() - 1).catalogue();
        List<List<AnalyticsStore.Target>> targets = new ArrayList<>(); // each year's, read once for every theme's chart
        for (int y = from; y <= request.year(); y++) {
            targets.add(analytics.targets(catalogue.key(), y));
        }
        List<Chapter.Row> rows = new ArrayList<>();
        List<Chapter.Block> charts = new ArrayList<>();
        String theme = null;
        for (Catalogue.Indicator indicator : catalogue.indicators()) {
            List<Object> values = new ArrayList<>();
            List<BigDecimal> series = new ArrayList<>();
            for (AnalyticsService.Year y : read) {
                BigDecimal value = y.values().containsKey(indicator.code()) ? y.values().get(indicator.code()).region() : null;
                values.add(value);
                series.add(value);
            }
            rows.add(new Chapter.Row(Territories.same(indicator.code() + " " + indicator.name() + ", " + indicator.unit()), values));
            if (!indicator.theme().equals(theme)) {
                theme = indicator.theme();
                List<BigDecimal> regionTargets = targets.stream().map(ofYear -> ofYear.stream()
                        .filter(t -> t.indicator().equals(indicator.code()) && "region".equals(t.kind())).map(AnalyticsStore.Target::target)
                        .findFirst().orElse(null)).toList();
                List<Chapter.Series> lines = new ArrayList<>(List.of(new Chapter.Series(TEXTS.text("analytics.compendium.region"), series)));
                if (regionTargets.stream().anyMatch(t -> t != null)) {
                    lines.add(new Chapter.Series(TEXTS.text("analytics.compendium.target"), regionTargets));
                }
                charts.add(new Chapter.Chart(Territories.same(indicator.code() + " " + indicator.name()), Chapter.Chart.LINES, columns, lines,
                        Territories.same(indicator.unit())));
            }
        }
        List<Chapter.Block> blocks = new ArrayList<>();
        blocks.add(new Chapter.Table(TEXTS.text("analytics.compendium.dynamics.table", String.valueOf(from), String.valueOf(request.year())),
                TEXTS.text("analytics.compendium.indicator"), columns, rows, null, null));
        blocks.addAll(charts);
        return new Chapter(title(), blocks);
    }
}
