package org.oko.catalog.internal.io;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.oko.tables.api.XlsxWriter;

/** One sheet through the platform's XLSX writer: codes stay text ("012345"), dates are dates. */
final class XlsxTableWriter {

    static final String SHEET_NAME = TEXTS.ru("catalog.export.sheet");

    private XlsxTableWriter() {
    }

    static void write(List<String> header, List<List<Object>> rows, OutputStream out) throws IOException {
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(SHEET_NAME, header);
            rows.forEach(xlsx::row);
            xlsx.write(out);
        }
    }
}
