package ${package}.internal;

import static ${package}.internal.ModuleTexts.TEXTS;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.oko.tables.api.XlsxWriter;

/** The aggregate as an Excel workbook: the region, then every territory. */
final class Workbook {

    private static final List<String> HEADERS = List.of(TEXTS.ru("${moduleId}.xlsx.code"), TEXTS.ru("${moduleId}.xlsx.participants"),
            TEXTS.ru("${moduleId}.xlsx.mean"), TEXTS.ru("${moduleId}.xlsx.passed"));

    private Workbook() {
    }

    static void write(Aggregates.Answer answer, OutputStream out) throws IOException {
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(TEXTS.ru("${moduleId}.xlsx.region"), HEADERS);
            row(xlsx, answer.region());
            xlsx.sheet(TEXTS.ru("${moduleId}.xlsx.territories"), HEADERS);
            answer.territories().values().forEach(view -> row(xlsx, view));
            xlsx.write(out);
        }
    }

    private static void row(XlsxWriter xlsx, Summary.View view) {
        xlsx.row(view.code(), view.participants(), view.mean(), view.passedPercent());
    }
}
