package org.oko.vpr.internal.publication;

import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.oko.compendium.api.Chapter;
import org.oko.compendium.api.ChapterRequest;
import org.oko.compendium.api.ChapterSource;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.vpr.internal.VprService;
import org.oko.vpr.internal.spec.TestSpec;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * ВПР's chapter of the compendium: for each test of the year, its participants and the shares of marks and the quality
 * per municipality beside the region's; a chart of the region's quality by test.
 */
@Component(property = ChapterSource.SOURCE + "=vpr")
public class VprChapter implements ChapterSource {

    @Reference
    private VprService vpr;

    @Override
    public ApiMessage title() {
        return TEXTS.text("vpr.public.title");
    }

    @Override
    public Chapter chapter(ChapterRequest request) throws Exception {
        List<ApiMessage> columns = new ArrayList<>(List.of(TEXTS.text("vpr.compendium.participants")));
        for (int mark = 2; mark <= 5; mark++) {
            columns.add(TEXTS.text("vpr.public.mark", mark));
        }
        columns.add(TEXTS.text("vpr.public.quality"));
        List<Chapter.Block> blocks = new ArrayList<>();
        List<ApiMessage> tests = new ArrayList<>();
        List<BigDecimal> quality = new ArrayList<>();
        List<TestSpec> specs = vpr.specs().stream().filter(s -> s.year() == request.year())
                .sorted(java.util.Comparator.comparing(TestSpec::grade).thenComparing(TestSpec::subjectName)).toList();
        for (TestSpec spec : specs) {
            List<VprService.Figures> lines = vpr.territoryFigures(spec.key());
            VprService.Figures region = lines.get(lines.size() - 1);
            if (region.participants() == 0) {
                continue;
            }
            List<Chapter.Row> rows = new ArrayList<>();
            for (VprService.Figures t : lines.subList(0, lines.size() - 1)) {
                rows.add(new Chapter.Row(new ApiMessage(t.name(), null), values(t)));
            }
            ApiMessage test = TEXTS.text("vpr.compendium.test", spec.subjectName(), spec.grade());
            blocks.add(new Chapter.Table(TEXTS.text("vpr.public.table", spec.subjectName(), spec.grade(), String.valueOf(spec.year())),
                    TEXTS.text("vpr.compendium.municipality"), columns, rows, new Chapter.Row(TEXTS.text("vpr.region"), values(region)), null));
            tests.add(test);
            quality.add(region.quality());
        }
        if (!tests.isEmpty()) {
            blocks.add(0, Chapter.Text.paragraph(TEXTS.text("vpr.compendium.lead", tests.size())));
            blocks.add(new Chapter.Chart(TEXTS.text("vpr.compendium.chart"), Chapter.Chart.BARS, tests,
                    List.of(new Chapter.Series(TEXTS.text("vpr.public.quality"), quality)), TEXTS.text("vpr.compendium.percent")));
        }
        return new Chapter(title(), blocks);
    }

    private static List<Object> values(VprService.Figures figures) {
        List<Object> values = new ArrayList<>(List.of(figures.participants()));
        values.addAll(figures.marks().values());
        values.add(figures.quality());
        return values;
    }
}
