package org.oko.catalog.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * CSV as Russian Excel opens it on double click: UTF-8 with BOM, ";" and CRLF. Hand-written for the
 * same reason as {@link CsvRecords}.
 */
final class CsvTableWriter {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final char DELIMITER = ';';
    private static final String RECORD_SEPARATOR = "\r\n";

    private CsvTableWriter() {
    }

    static void write(List<String> header, List<List<Object>> rows, OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeRecord(writer, header.stream().map(Object.class::cast).toList());
        for (List<Object> row : rows) {
            writeRecord(writer, row);
        }
        // Flushed, not closed: the caller owns the stream.
        writer.flush();
    }

    private static void writeRecord(Writer writer, List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(DELIMITER);
            }
            writer.write(quoted(text(cells.get(i))));
        }
        writer.write(RECORD_SEPARATOR);
    }

    /** Quotes only where a reader would otherwise split the value. */
    static String quoted(String value) {
        boolean needsQuotes = value.indexOf(DELIMITER) >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String text(Object cell) {
        if (cell instanceof LocalDate date) {
            return CatalogDates.format(date);
        }
        return cell == null ? "" : cell.toString();
    }
}
