package org.oko.gto.internal.publication;

import static org.oko.gto.internal.GtoTexts.TEXTS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Territory;
import org.oko.compendium.api.Chapter;
import org.oko.compendium.api.ChapterRequest;
import org.oko.compendium.api.ChapterSource;
import org.oko.gto.internal.GtoService;
import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.report.Tally;
import org.oko.platform.api.rest.ApiMessage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** ГТО's chapter of the compendium: the year's tested students and their badges per municipality beside the region's, and a chart of the badges. */
@Component(property = ChapterSource.SOURCE + "=gto")
public class GtoChapter implements ChapterSource {

    @Reference
    private GtoService gto;

    @Reference
    private CatalogService catalog;

    @Override
    public ApiMessage title() {
        return TEXTS.text("gto.public.title");
    }

    @Override
    public Chapter chapter(ChapterRequest request) throws Exception {
        GtoService.Report report = gto.counts(request.year(), null, null);
        if (report.region() == null || report.region().tested() == 0) {
            return new Chapter(title(), List.of());
        }
        Map<String, Tally> territories = gto.territoryCounts(request.year());
        List<Chapter.Row> rows = new ArrayList<>();
        for (Territory t : catalog.territories()) {
            Tally tally = territories.get(t.code());
            if (tally != null && tally.tested() > 0) {
                rows.add(new Chapter.Row(new ApiMessage(t.name(), null), values(tally)));
            }
        }
        Tally region = report.region();
        List<ApiMessage> badges = List.of(TEXTS.text("gto.public.gold"), TEXTS.text("gto.public.silver"), TEXTS.text("gto.public.bronze"));
        return new Chapter(title(), List.of(
                Chapter.Text.paragraph(TEXTS.text("gto.compendium.lead", region.tested(), String.valueOf(request.year()))),
                new Chapter.Table(TEXTS.text("gto.public.table", String.valueOf(request.year())), TEXTS.text("gto.compendium.municipality"),
                        List.of(TEXTS.text("gto.public.tested"), badges.get(0), badges.get(1), badges.get(2), TEXTS.text("gto.public.share")), rows,
                        new Chapter.Row(TEXTS.text("gto.public.region"), values(region)), null),
                new Chapter.Chart(TEXTS.text("gto.compendium.chart"), Chapter.Chart.BARS, badges, List.of(new Chapter.Series(TEXTS.text("gto.public.region"),
                        List.of(BigDecimal.valueOf(region.badges(Level.GOLD)), BigDecimal.valueOf(region.badges(Level.SILVER)),
                                BigDecimal.valueOf(region.badges(Level.BRONZE))))), TEXTS.text("gto.compendium.unit"))));
    }

    private static List<Object> values(Tally tally) {
        return List.of(tally.tested(), tally.badges(Level.GOLD), tally.badges(Level.SILVER), tally.badges(Level.BRONZE),
                BigDecimal.valueOf(tally.badgeShare() * 100).setScale(1, RoundingMode.HALF_UP)); // a share 0–1, shown in per cent
    }
}
