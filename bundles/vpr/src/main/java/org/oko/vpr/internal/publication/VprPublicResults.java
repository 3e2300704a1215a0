package org.oko.vpr.internal.publication;

import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.util.ArrayList;
import java.util.List;

import org.oko.platform.api.rest.ApiMessage;
import org.oko.procedure.api.PublicResults;
import org.oko.procedure.api.PublicTable;
import org.oko.procedure.api.ResultsImporter;
import org.oko.vpr.internal.VprService;
import org.oko.vpr.internal.spec.TestSpec;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * ВПР in the public school catalogue, when the region publishes it: for each test the school wrote, the shares of
 * the marks and the quality beside the region's. A test written by fewer than the least group is left out, and no
 * sign of non-objective results is shown.
 */
@Component(property = ResultsImporter.PROCEDURE + "=vpr")
public class VprPublicResults implements PublicResults {

    @Reference
    private VprService vpr;

    @Override
    public ApiMessage title() {
        return TEXTS.text("vpr.public.title");
    }

    @Override
    public List<PublicTable> school(String schoolCode, int minGroup) throws Exception {
        List<PublicTable> tables = new ArrayList<>();
        for (TestSpec spec : vpr.specs()) { // newest year first
            VprService.Form7 figures = vpr.form7(spec.key(), schoolCode, null);
            if (figures.school() == null || figures.school().participants() < minGroup) {
                continue;
            }
            tables.add(table(spec, figures.school(), figures.region()));
        }
        return tables;
    }

    static PublicTable table(TestSpec spec, VprService.Figures school, VprService.Figures region) {
        List<ApiMessage> columns = new ArrayList<>();
        for (int mark = 2; mark <= 5; mark++) {
            columns.add(TEXTS.text("vpr.public.mark", mark));
        }
        columns.add(TEXTS.text("vpr.public.quality"));
        return new PublicTable(TEXTS.text("vpr.public.table", spec.subjectName(), spec.grade(), String.valueOf(spec.year())), columns,
                List.of(new PublicTable.Row(TEXTS.text("vpr.public.school"), values(school)),
                        new PublicTable.Row(TEXTS.text("vpr.region"), values(region))),
                TEXTS.text("vpr.public.note", school.participants()));
    }

    private static List<Object> values(VprService.Figures figures) {
        List<Object> values = new ArrayList<>(figures.marks().values());
        values.add(figures.quality());
        return values;
    }
}
