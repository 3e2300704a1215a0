package org.oko.olympiad.internal.publication;

import static org.oko.olympiad.internal.OlympiadTexts.TEXTS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.oko.olympiad.internal.OlympiadReports;
import org.oko.olympiad.internal.report.Count;
import org.oko.olympiad.internal.year.OlympiadYear;
import org.oko.olympiad.internal.year.Years;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.procedure.api.PublicResults;
import org.oko.procedure.api.PublicTable;
import org.oko.procedure.api.ResultsImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * ВсОШ in the public school catalogue, when the region publishes it: for each olympiad year with the school's
 * participations, newest first, per stage its participants, winners and prize-winners, and the share of diplomas
 * beside the region's. A year with fewer participants than the least group is left out; no one is named.
 */
@Component(property = ResultsImporter.PROCEDURE + "=olympiad")
public class OlympiadPublicResults implements PublicResults {

    @Reference
    private OlympiadReports reports;

    @Reference
    private Years years;

    @Override
    public ApiMessage title() {
        return TEXTS.text("olympiad.public.title");
    }

    @Override
    public List<PublicTable> school(String schoolCode, int minGroup) throws Exception {
        List<PublicTable> tables = new ArrayList<>();
        List<OlympiadYear> newestFirst = years.all().stream().sorted(Comparator.comparingInt(OlympiadYear::academicYear).reversed()).toList();
        for (OlympiadYear year : newestFirst) {
            OlympiadReports.Report report = reports.counts(year.academicYear(), schoolCode, null);
            if (report.school() == null || report.school().all().participants() < minGroup) {
                continue;
            }
            List<PublicTable.Row> rows = new ArrayList<>();
            for (OlympiadYear.Stage stage : year.stages()) {
                Count school = report.school().stage(stage.code());
                if (school.participations() == 0) {
                    continue;
                }
                rows.add(new PublicTable.Row(new ApiMessage(stage.name(), stage.name()), List.of(school.participants(), school.winners(),
                        school.prizeWinners(), percent(school.awardShare()), percent(report.region().stage(stage.code()).awardShare()))));
            }
            tables.add(new PublicTable(TEXTS.text("olympiad.public.table", year.academicYear() + "/" + (year.academicYear() + 1)),
                    List.of(TEXTS.text("olympiad.public.participants"), TEXTS.text("olympiad.public.winners"),
                            TEXTS.text("olympiad.public.prize-winners"), TEXTS.text("olympiad.public.share"),
                            TEXTS.text("olympiad.public.region-share")), rows, null));
        }
        return tables;
    }

    private static BigDecimal percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
    }
}
