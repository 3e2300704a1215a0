package org.oko.vpr.internal.report;

import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.tables.api.XlsxWriter;
import org.oko.vpr.internal.VprService;
import org.oko.vpr.internal.VprService.Figures;
import org.oko.procedure.api.Flag;
import org.oko.vpr.internal.spec.TestSpec;

/**
 * A test's tables in one workbook, as the caller may read them: the schools of its scope with form 7's
 * figures and their task success; for analysts the signs of non-objective results with their explanations,
 * and for those who read the whole region the territories beside the region.
 */
public final class VprWorkbook {

    private final VprService vpr;

    public VprWorkbook(VprService vpr) {
        this.vpr = vpr;
    }

    public void write(String testKey, OutputStream out) throws Exception {
        Caller caller = CallerContext.require(VprService.READERS);
        boolean analyst = caller.hasAnyRole(VprService.ANALYSTS);
        boolean wholeRegion = analyst && caller.scope().wholeRegion(); // a founder's workbook names no other founder's territory
        TestSpec spec = vpr.specs().stream().filter(s -> s.key().equals(testKey)).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException(TEXTS.text("vpr.unknown-test", testKey).joined()));
        List<VprService.SchoolLine> schools = vpr.schoolLines(testKey, null);
        try (XlsxWriter xlsx = new XlsxWriter()) {
            List<String> figures = texts("vpr.xlsx.participants", "vpr.xlsx.mark-2", "vpr.xlsx.mark-3", "vpr.xlsx.mark-4", "vpr.xlsx.mark-5",
                    "vpr.xlsx.quality", "vpr.xlsx.success", "vpr.xlsx.mean-score", "vpr.xlsx.with-journal", "vpr.xlsx.lowered",
                    "vpr.xlsx.confirmed", "vpr.xlsx.raised");
            xlsx.sheet(TEXTS.ru("vpr.xlsx.sheet.schools"), concat(texts("vpr.xlsx.school-code", "vpr.xlsx.name", "vpr.xlsx.territory-code"),
                    figures, analyst ? texts("vpr.xlsx.flags") : List.of()));
            for (VprService.SchoolLine line : schools) {
                List<Object> row = new ArrayList<>(List.of(line.figures().code(), line.figures().name()));
                row.add(line.territoryCode());
                row.addAll(values(line.figures()));
                if (analyst) {
                    row.add(String.join(", ", line.flags()));
                }
                xlsx.row(row);
            }
            xlsx.sheet(TEXTS.ru("vpr.xlsx.sheet.tasks"), concat(texts("vpr.xlsx.school-code", "vpr.xlsx.name"),
                    spec.tasks().stream().map(t -> TEXTS.ru("vpr.xlsx.task", t.label())).toList(), List.of()));
            for (VprService.SchoolLine line : schools) {
                List<Object> row = new ArrayList<>(List.of(line.figures().code(), line.figures().name()));
                row.addAll(line.figures().taskSuccess());
                xlsx.row(row);
            }
            if (wholeRegion) {
                xlsx.sheet(TEXTS.ru("vpr.xlsx.sheet.territories"), concat(texts("vpr.xlsx.code", "vpr.xlsx.territory"), figures, List.of()));
                for (Figures territory : vpr.territoryFigures(testKey)) {
                    List<Object> row = new ArrayList<>(List.of(territory.code(), territory.name()));
                    row.addAll(values(territory));
                    xlsx.row(row);
                }
            }
            if (analyst) {
                xlsx.sheet(TEXTS.ru("vpr.xlsx.sheet.flags"), texts("vpr.xlsx.school-code", "vpr.xlsx.flag", "vpr.xlsx.flag-title", "vpr.xlsx.flag-why"));
                for (Flag flag : vpr.flags(testKey)) {
                    xlsx.row(flag.school(), flag.rule(), flag.title(), flag.explanation());
                }
            }
            xlsx.write(out);
        }
    }

    private static List<Object> values(Figures f) {
        List<Object> values = new ArrayList<>();
        values.add(f.participants());
        for (int mark = 2; mark <= 5; mark++) {
            values.add(f.marks().getOrDefault(mark, BigDecimal.ZERO));
        }
        values.addAll(java.util.Arrays.asList(f.quality(), f.success(), f.meanScore(), f.withJournal(), f.lowered(), f.confirmed(),
                f.raised()));
        return values;
    }

    /** The Russian texts of {@code keys}: a sheet's column headers. */
    private static List<String> texts(String... keys) {
        return java.util.Arrays.stream(keys).map(key -> TEXTS.ru(key)).toList();
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }
}
