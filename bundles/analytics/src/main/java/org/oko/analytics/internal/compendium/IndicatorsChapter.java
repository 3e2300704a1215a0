package org.oko.analytics.internal.compendium;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oko.analytics.internal.AnalyticsService;
import org.oko.analytics.internal.catalogue.Catalogue;
import org.oko.analytics.internal.engine.IndicatorEngine;
import org.oko.catalog.api.CatalogService;
import org.oko.compendium.api.Chapter;
import org.oko.compendium.api.ChapterRequest;
import org.oko.compendium.api.ChapterSource;
import org.oko.platform.api.rest.ApiMessage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The compendium's chapter of the year's indicators, theme by theme: the region's value beside its baseline and target
 * and the schools reaching theirs; then each indicator per municipality, and a chart of the theme's first indicator (or
 * those the spec's {@code charts} option names). Option {@code catalogue}: which indicator catalogue (the first).
 */
@Component(property = ChapterSource.SOURCE + "=analytics.indicators")
public class IndicatorsChapter implements ChapterSource {

    @Reference
    private AnalyticsService analytics;

    @Reference
    private CatalogService catalog;

    @Override
    public ApiMessage title() {
        return TEXTS.text("analytics.compendium.indicators");
    }

    @Override
    public Chapter chapter(ChapterRequest request) throws Exception {
        String catalogueKey = request.text("catalogue", null);
        List<AnalyticsService.Line> lines = analytics.report(catalogueKey, request.year(), null, null);
        AnalyticsService.Year year = analytics.year(catalogueKey, request.year());
        Map<String, ApiMessage> territories = Territories.names(catalog);
        Object charted = request.options().get("charts");
        Map<String, List<Catalogue.Indicator>> themes = new LinkedHashMap<>();
        year.catalogue().indicators().forEach(i -> themes.computeIfAbsent(i.theme(), t -> new ArrayList<>()).add(i));
        List<Chapter.Block> blocks = new ArrayList<>();
        blocks.add(Chapter.Text.paragraph(TEXTS.text("analytics.compendium.indicators.lead", year.catalogue().title(), year.schools().size())));
        for (Map.Entry<String, List<Catalogue.Indicator>> theme : themes.entrySet()) {
            blocks.add(Chapter.Text.heading(Territories.same(theme.getKey())));
            List<Chapter.Row> summary = new ArrayList<>();
            for (Catalogue.Indicator indicator : theme.getValue()) {
                AnalyticsService.Line line = lines.stream().filter(l -> l.code().equals(indicator.code())).findFirst().orElseThrow();
                summary.add(new Chapter.Row(Territories.same(indicator.code() + " " + indicator.name()), java.util.Arrays.asList(
                        Territories.same(indicator.unit()), line.region(), line.baselines().get("region"), line.targets().get("region"),
                        line.schoolsWithTarget() == null || line.schoolsWithTarget() == 0 ? null : line.schoolsReaching())));
            }
            blocks.add(new Chapter.Table(TEXTS.text("analytics.compendium.indicators.summary", theme.getKey()), TEXTS.text("analytics.compendium.indicator"),
                    List.of(TEXTS.text("analytics.compendium.unit"), TEXTS.text("analytics.compendium.region-value"), TEXTS.text("analytics.compendium.baseline"),
                            TEXTS.text("analytics.compendium.target"), TEXTS.text("analytics.compendium.reaching")), summary, null, null));
            List<ApiMessage> columns = theme.getValue().stream().map(i -> Territories.same(i.code())).toList();
            List<Chapter.Row> rows = new ArrayList<>();
            territories.forEach((code, name) -> {
                List<Object> values = new ArrayList<>();
                theme.getValue().forEach(i -> values.add(year.values().get(i.code()).territories().get(code)));
                if (values.stream().anyMatch(v -> v != null)) {
                    rows.add(new Chapter.Row(name, values));
                }
            });
            List<Object> region = new ArrayList<>();
            theme.getValue().forEach(i -> region.add(year.values().get(i.code()).region()));
            blocks.add(new Chapter.Table(TEXTS.text("analytics.compendium.indicators.territories", theme.getKey()), TEXTS.text("analytics.compendium.municipality"),
                    columns, rows, new Chapter.Row(TEXTS.text("analytics.compendium.region"), region), TEXTS.text("analytics.compendium.codes")));
            for (Catalogue.Indicator indicator : theme.getValue()) {
                boolean chart = charted instanceof List<?> codes ? codes.contains(indicator.code()) : indicator == theme.getValue().get(0);
                if (chart) {
                    blocks.add(byTerritory(indicator, year.values().get(indicator.code()), territories));
                }
            }
        }
        return new Chapter(title(), blocks);
    }

    private static Chapter.Chart byTerritory(Catalogue.Indicator indicator, IndicatorEngine.Values values, Map<String, ApiMessage> territories) {
        List<ApiMessage> categories = new ArrayList<>();
        List<BigDecimal> figures = new ArrayList<>();
        territories.forEach((code, name) -> {
            if (values.territories().containsKey(code)) {
                categories.add(name);
                figures.add(values.territories().get(code));
            }
        });
        categories.add(TEXTS.text("analytics.compendium.region"));
        figures.add(values.region());
        return new Chapter.Chart(Territories.same(indicator.code() + " " + indicator.name()), Chapter.Chart.BARS, categories,
                List.of(new Chapter.Series(Territories.same(indicator.name()), figures)), Territories.same(indicator.unit()));
    }
}
