package org.oko.gto.internal.publication;

import static org.oko.gto.internal.GtoTexts.TEXTS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.oko.gto.internal.GtoService;
import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.report.Tally;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.procedure.api.PublicResults;
import org.oko.procedure.api.PublicTable;
import org.oko.procedure.api.ResultsImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * ГТО in the public school catalogue, when the region publishes it: for each year with tests, newest first, the
 * school's tested students and badges by level beside the region's. A year with fewer tested than the least group is
 * left out; no participant is named.
 */
@Component(property = ResultsImporter.PROCEDURE + "=gto")
public class GtoPublicResults implements PublicResults {

    @Reference
    private GtoService gto;

    @Override
    public ApiMessage title() {
        return TEXTS.text("gto.public.title");
    }

    @Override
    public List<PublicTable> school(String schoolCode, int minGroup) throws Exception {
        List<PublicTable> tables = new ArrayList<>();
        for (int year : gto.years()) {
            GtoService.Report report = gto.counts(year, schoolCode, null);
            if (report.school() == null || report.school().tested() < minGroup) {
                continue;
            }
            tables.add(new PublicTable(TEXTS.text("gto.public.table", String.valueOf(year)), List.of(TEXTS.text("gto.public.tested"),
                    TEXTS.text("gto.public.gold"), TEXTS.text("gto.public.silver"), TEXTS.text("gto.public.bronze"), TEXTS.text("gto.public.share")),
                    List.of(new PublicTable.Row(TEXTS.text("gto.public.school"), values(report.school())),
                            new PublicTable.Row(TEXTS.text("gto.public.region"), values(report.region()))), null));
        }
        return tables;
    }

    private static List<Object> values(Tally tally) {
        return List.of(tally.tested(), tally.badges(Level.GOLD), tally.badges(Level.SILVER), tally.badges(Level.BRONZE),
                BigDecimal.valueOf(tally.badgeShare() * 100).setScale(1, RoundingMode.HALF_UP)); // a share 0–1, shown in per cent
    }
}
