package org.oko.analytics.internal.compendium;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.oko.analytics.internal.flags.AnalyticsFlags;
import org.oko.compendium.api.Chapter;
import org.oko.compendium.api.ChapterRequest;
import org.oko.compendium.api.ChapterSource;
import org.oko.platform.api.rest.ApiMessage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The compendium's chapter of the risk flags: counted per municipality and rule, never a school named unless the
 * spec's option {@code bySchool} is true (a region's choice). Options: {@code catalogue}, {@code rules}, {@code bySchool}.
 */
@Component(property = ChapterSource.SOURCE + "=analytics.flags")
public class FlagsChapter implements ChapterSource {

    @Reference
    private AnalyticsFlags flags;

    @Override
    public ApiMessage title() {
        return TEXTS.text("analytics.compendium.flags");
    }

    @Override
    public Chapter chapter(ChapterRequest request) throws Exception {
        AnalyticsFlags.Report report = flags.report(request.text("catalogue", null), request.text("rules", null), request.year(), null);
        List<ApiMessage> columns = new ArrayList<>(List.of(TEXTS.text("analytics.compendium.schools")));
        report.rules().forEach(r -> columns.add(Territories.same(r.title())));
        List<Chapter.Row> rows = new ArrayList<>();
        long[] total = new long[columns.size()];
        for (AnalyticsFlags.TerritoryCount count : report.territories()) {
            List<Object> values = new ArrayList<>(List.of(count.schools()));
            total[0] += count.schools();
            for (int i = 0; i < report.rules().size(); i++) {
                int n = count.counts().getOrDefault(report.rules().get(i).key(), 0);
                values.add(n);
                total[i + 1] += n;
            }
            rows.add(new Chapter.Row(Territories.same(count.name()), values));
        }
        List<Object> region = new ArrayList<>();
        for (long n : total) {
            region.add(n);
        }
        List<Chapter.Block> blocks = new ArrayList<>();
        blocks.add(Chapter.Text.paragraph(TEXTS.text("analytics.compendium.flags.lead", report.title(), report.schools().size())));
        blocks.add(new Chapter.Table(TEXTS.text("analytics.compendium.flags.table"), TEXTS.text("analytics.compendium.municipality"), columns, rows,
                new Chapter.Row(TEXTS.text("analytics.compendium.region"), region), null));
        List<BigDecimal> byRule = new ArrayList<>();
        for (int i = 1; i < total.length; i++) {
            byRule.add(BigDecimal.valueOf(total[i]));
        }
        blocks.add(new Chapter.Chart(TEXTS.text("analytics.compendium.flags.chart"), Chapter.Chart.BARS, columns.subList(1, columns.size()),
                List.of(new Chapter.Series(TEXTS.text("analytics.compendium.schools"), byRule)), null));
        if (request.flag("bySchool", false)) {
            List<Chapter.Row> schools = report.schools().stream().map(s -> new Chapter.Row(Territories.same(s.school() + " " + s.name()),
                    List.<Object>of(Territories.same(s.flags().stream().map(f -> f.rule()).distinct().reduce((a, b) -> a + ", " + b).orElse(""))))).toList();
            blocks.add(new Chapter.Table(TEXTS.text("analytics.compendium.flags.schools"), TEXTS.text("analytics.compendium.school"),
                    List.of(TEXTS.text("analytics.compendium.flags.rules")), schools, null, null));
        }
        return new Chapter(title(), blocks);
    }
}
