package org.oko.analytics.internal.compendium;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.oko.analytics.internal.AnalyticsSpecs;
import org.oko.analytics.internal.catalogue.Catalogue;
import org.oko.compendium.api.Chapter;
import org.oko.compendium.api.ChapterRequest;
import org.oko.compendium.api.ChapterSource;
import org.oko.forms.api.FormInfo;
import org.oko.forms.api.FormRegistry;
import org.oko.forms.api.SubmissionState;
import org.oko.forms.api.Submissions;
import org.oko.platform.api.rest.ApiMessage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The compendium's chapter of the data collection: for each МИАС form the indicator catalogue reads, in its period of
 * the year, how many schools it was assigned to, how many sent it and how many founders confirmed it, and a chart of
 * the share confirmed. It tells the reader how complete the figures of the other chapters are. Option {@code catalogue}.
 */
@Component(property = ChapterSource.SOURCE + "=forms.collection")
public class FormsChapter implements ChapterSource {

    private static final Set<SubmissionState> SENT = Set.of(SubmissionState.SUBMITTED, SubmissionState.VERIFIED, SubmissionState.CONFIRMED,
            SubmissionState.LOCKED);
    private static final Set<SubmissionState> CONFIRMED = Set.of(SubmissionState.CONFIRMED, SubmissionState.LOCKED);

    @Reference
    private AnalyticsSpecs specs;

    @Reference
    private Submissions submissions;

    @Reference
    private FormRegistry forms;

    @Override
    public ApiMessage title() {
        return TEXTS.text("analytics.compendium.forms");
    }

    @Override
    public Chapter chapter(ChapterRequest request) throws Exception {
        Catalogue catalogue = specs.catalogue(request.text("catalogue", null));
        Set<String> read = new TreeSet<>(Comparator.comparingInt(FormsChapter::number).thenComparing(Comparator.naturalOrder()));
        catalogue.indicators().forEach(i -> i.inputs().values().forEach(input -> read.add(input.substring(0, input.indexOf('.')))));
        List<Chapter.Row> rows = new ArrayList<>();
        List<ApiMessage> names = new ArrayList<>();
        List<BigDecimal> shares = new ArrayList<>();
        long[] total = new long[3];
        for (String form : read) {
            String period = catalogue.period(form, request.year());
            List<Submissions.Status> statuses = submissions.statuses(period, form);
            long sent = statuses.stream().filter(s -> SENT.contains(s.state())).count();
            long confirmed = statuses.stream().filter(s -> CONFIRMED.contains(s.state())).count();
            ApiMessage name = new ApiMessage(form + " " + title(form).ru() + " (" + period + ")", form + " " + title(form).en() + " (" + period + ")");
            rows.add(new Chapter.Row(name, Arrays.asList(statuses.size(), sent, confirmed, share(confirmed, statuses.size()))));
            names.add(new ApiMessage(form, null));
            shares.add(share(confirmed, statuses.size()));
            total[0] += statuses.size();
            total[1] += sent;
            total[2] += confirmed;
        }
        return new Chapter(title(), List.of(
                Chapter.Text.paragraph(TEXTS.text("analytics.compendium.forms.lead")),
                new Chapter.Table(TEXTS.text("analytics.compendium.forms.table", String.valueOf(request.year())), TEXTS.text("analytics.compendium.form"),
                        List.of(TEXTS.text("analytics.compendium.forms.assigned"), TEXTS.text("analytics.compendium.forms.sent"),
                                TEXTS.text("analytics.compendium.forms.confirmed"), TEXTS.text("analytics.compendium.forms.share")), rows,
                        new Chapter.Row(TEXTS.text("analytics.compendium.region"), Arrays.asList(total[0], total[1], total[2], share(total[2], total[0]))),
                        null),
                new Chapter.Chart(TEXTS.text("analytics.compendium.forms.chart"), Chapter.Chart.BARS, names,
                        List.of(new Chapter.Series(TEXTS.text("analytics.compendium.forms.share"), shares)), TEXTS.text("analytics.compendium.percent"))));
    }

    private org.oko.forms.api.Text title(String form) {
        return forms.forms().stream().filter(f -> f.id().equals(form)).max(Comparator.comparingInt(FormInfo::version)).map(FormInfo::title)
                .orElse(org.oko.forms.api.Text.of(form));
    }

    /** miac-5 → 5, so that the forms go in their numbers' order. */
    private static int number(String form) {
        String digits = form.replaceAll("\\D", "");
        return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
    }
}
