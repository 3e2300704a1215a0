package org.oko.catalog.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV as Russian Excel opens it on double click: UTF-8 with BOM, ";" and CRLF. */
final class CsvTableWriter {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n").build();

    private CsvTableWriter() {
    }

    static void write(List<String> header, List<List<Object>> rows, OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(header);
        for (List<Object> row : rows) {
            printer.printRecord(row.stream().map(CsvTableWriter::text).toList());
        }
        // Flushed, not closed: the caller owns the stream.
        printer.flush();
    }

    private static String text(Object cell) {
        if (cell instanceof LocalDate date) {
            return CatalogDates.format(date);
        }
        String text = cell == null ? "" : cell.toString();
        // A cell Excel would run as a formula ("=HYPERLINK(…)" typed into a name) is written as text; the reader takes it back.
        return org.oko.tables.api.TableReader.FORMULA_START.matcher(text).lookingAt() ? "'" + text : text;
    }

    /** What makes Excel read a CSV cell as a formula (OWASP "CSV injection"). */
}
