package org.oko.users.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.oko.tables.api.XlsxWriter;

/** A one-sheet workbook of text cells through the platform's XLSX writer: the registry and the event log. */
public final class Xlsx {

    public static final String MEDIA_TYPE = XlsxWriter.MEDIA_TYPE;

    private Xlsx() {
    }

    static byte[] table(String sheetName, List<String> header, List<List<String>> rows) {
        try (XlsxWriter xlsx = new XlsxWriter(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            xlsx.sheet(sheetName, header);
            rows.forEach(xlsx::row);
            xlsx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
