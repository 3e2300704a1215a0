package org.oko.olympiad.internal.publication;

import static org.oko.olympiad.internal.OlympiadTexts.TEXTS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Territory;
import org.oko.compendium.api.Chapter;
import org.oko.compendium.api.ChapterRequest;
import org.oko.compendium.api.ChapterSource;
import org.oko.olympiad.internal.OlympiadReports;
import org.oko.olympiad.internal.report.Count;
import org.oko.olympiad.internal.report.Tally;
import org.oko.olympiad.internal.year.OlympiadYear;
import org.oko.olympiad.internal.year.Years;
import org.oko.platform.api.rest.ApiMessage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * ВсОШ's chapter of the compendium: the olympiad of the school year that ends in the compendium's year (2025/2026 for
 * 2026), for each stage its participants, winners, prize-winners and share of diplomas per municipality beside the
 * region's, and a chart of the region's participants by stage.
 */
@Component(property = ChapterSource.SOURCE + "=olympiad")
public class OlympiadChapter implements ChapterSource {

    @Reference
    private OlympiadReports reports;

    @Reference
    private Years years;

    @Reference
    private CatalogService catalog;

    @Override
    public ApiMessage title() {
        return TEXTS.text("olympiad.public.title");
    }

    @Override
    public Chapter chapter(ChapterRequest request) throws Exception {
        int academic = request.year() - 1;
        Optional<OlympiadYear> year = years.all().stream().filter(y -> y.academicYear() == academic).findFirst();
        if (year.isEmpty()) {
            return new Chapter(title(), List.of());
        }
        Tally region = reports.counts(academic, null, null).region();
        Map<String, Tally> territories = reports.territoryCounts(academic);
        String label = academic + "/" + request.year();
        List<Chapter.Block> blocks = new ArrayList<>();
        List<ApiMessage> stages = new ArrayList<>();
        List<BigDecimal> participants = new ArrayList<>();
        for (OlympiadYear.Stage stage : year.get().stages()) {
            Count total = region.stage(stage.code());
            if (total.participations() == 0) {
                continue;
            }
            List<Chapter.Row> rows = new ArrayList<>();
            for (Territory t : catalog.territories()) {
                Tally tally = territories.get(t.code());
                if (tally != null && tally.stage(stage.code()).participations() > 0) {
                    rows.add(new Chapter.Row(new ApiMessage(t.name(), null), values(tally.stage(stage.code()))));
                }
            }
            ApiMessage name = new ApiMessage(stage.name(), null);
            blocks.add(new Chapter.Table(TEXTS.text("olympiad.compendium.table", stage.name(), label), TEXTS.text("olympiad.compendium.municipality"),
                    List.of(TEXTS.text("olympiad.public.participants"), TEXTS.text("olympiad.public.winners"), TEXTS.text("olympiad.public.prize-winners"),
                            TEXTS.text("olympiad.public.share")), rows, new Chapter.Row(TEXTS.text("olympiad.compendium.region"), values(total)), null));
            stages.add(name);
            participants.add(BigDecimal.valueOf(total.participants()));
        }
        if (!stages.isEmpty()) {
            blocks.add(0, Chapter.Text.paragraph(TEXTS.text("olympiad.compendium.lead", label)));
            blocks.add(new Chapter.Chart(TEXTS.text("olympiad.compendium.chart", label), Chapter.Chart.BARS, stages,
                    List.of(new Chapter.Series(TEXTS.text("olympiad.public.participants"), participants)), null));
        }
        return new Chapter(title(), blocks);
    }

    private static List<Object> values(Count count) {
        return List.of(count.participants(), count.winners(), count.prizeWinners(),
                BigDecimal.valueOf(count.awardShare() * 100).setScale(1, RoundingMode.HALF_UP));
    }
}
