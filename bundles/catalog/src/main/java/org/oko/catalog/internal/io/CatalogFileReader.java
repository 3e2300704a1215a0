package org.oko.catalog.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.FileFormat;
import org.oko.catalog.api.RowError;

/** Reads an uploaded organisation file, XLSX or CSV, into rows and row errors. */
public final class CatalogFileReader {

    /** A region's catalog is a few thousand rows, well under 1 MB; 20 MB leaves room for heavy formatting. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private static final long KILOBYTE = 1024L;
    private static final long MEGABYTE = KILOBYTE * 1024;

    /** How far past the limit we keep counting so the message can say how big the file is. */
    private static final int OVERSIZE_PROBE_FACTOR = 4;

    private final long maxBytes;

    public CatalogFileReader(long maxBytes) {
        if (maxBytes <= 0 || maxBytes >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * @param fileName only for messages; the format is recognised from the content
     * @throws CatalogException INVALID when the file is too large, empty or unreadable as a whole
     */
    public ParsedFile read(String fileName, InputStream in) throws IOException {
        return read(fileName, in, Map.of(), Map.of());
    }

    /**
     * @param chosen     the import's own mapping: the file's header → a column name, "" to leave it out
     * @param remembered mappings of earlier imports, by normalised header ({@link #normalised})
     */
    public ParsedFile read(String fileName, InputStream in, Map<String, String> chosen, Map<String, String> remembered)
            throws IOException {
        byte[] bytes = in.readNBytes((int) maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge(fileName, in);
        }
        if (bytes.length == 0) {
            throw invalid("Файл «" + fileName + "» пуст");
        }
        FileFormat format = isZip(bytes) ? FileFormat.XLSX : FileFormat.CSV;
        if (isOldExcel(bytes)) {
            throw invalid("Файл «" + fileName + "» в формате Excel 97–2003 (XLS) или зашифрован; "
                    + "сохраните его как XLSX без пароля или как CSV");
        }
        RawTable table = format == FileFormat.XLSX
                ? XlsxTableReader.read(fileName, bytes)
                : CsvTableReader.read(fileName, bytes);
        if (table.header().isEmpty()) {
            throw invalid("Файл «" + fileName + "» пуст");
        }
        if (table.rows().isEmpty()) {
            throw invalid("Файл «" + fileName + "» пуст: в нём есть заголовок, но нет ни одной строки с данными");
        }
        return parse(format, table, normalised(chosen), remembered);
    }

    /** A mapping keyed by headers as import compares them (case, spacing, ё, a required mark "*"). */
    public static Map<String, String> normalised(Map<String, String> mapping) {
        Map<String, String> result = new HashMap<>();
        mapping.forEach((header, column) -> result.put(CatalogColumns.normaliseHeader(header), column == null ? "" : column.trim()));
        return result;
    }

    private static ParsedFile parse(FileFormat format, RawTable table, Map<String, String> chosen, Map<String, String> remembered) {
        RowMapper mapper = new RowMapper(table.header(), chosen, remembered);
        if (!mapper.headerErrors().isEmpty()) {
            return new ParsedFile(format, List.of(), mapper.headerErrors(), mapper.columns(), mapper.matches());
        }
        List<RowError> errors = new ArrayList<>();
        List<ParsedRow> rows = new ArrayList<>();
        Map<String, Integer> firstRowByCode = new HashMap<>();
        for (RawTable.Row raw : table.rows()) {
            if (raw.cutShort()) {
                List<String> header = table.header();
                int cells = raw.cells().size();
                errors.add(new RowError(raw.row(), header.get(cells), "В строке нет столбцов "
                        + String.join(", ", header.subList(cells, Math.min(header.size(), cells + 5)).stream().map(h -> "«" + h + "»").toList())
                        + (header.size() - cells > 5 ? " и ещё " + (header.size() - cells - 5) : "")
                        + " (ячеек " + cells + " из " + header.size() + "): строка оборвана"));
                continue;
            }
            mapper.map(raw, errors).ifPresent(row -> {
                Integer first = firstRowByCode.putIfAbsent(row.organisation().code(), row.row());
                if (first == null) {
                    rows.add(row);
                } else {
                    errors.add(new RowError(row.row(), CatalogColumns.CODE.header(),
                            "Код " + row.organisation().code() + " уже встречался в строке " + first));
                }
            });
        }
        return new ParsedFile(format, rows, errors, mapper.columns(), mapper.matches());
    }

    /** Counts on a little past the limit, without keeping the bytes, so the user learns the real size. */
    private CatalogException tooLarge(String fileName, InputStream in) throws IOException {
        long size = maxBytes + 1;
        long probeLimit = maxBytes * OVERSIZE_PROBE_FACTOR;
        byte[] buffer = new byte[64 * 1024];
        int read;
        while (size <= probeLimit && (read = in.read(buffer)) > 0) {
            size += read;
        }
        String actual = size > probeLimit ? "более " + size(probeLimit) : size(size);
        return invalid("Файл «" + fileName + "» больше допустимого: " + actual + " при пределе "
                + size(maxBytes));
    }

    /** "20 МБ", "20,5 МБ", "64 КБ", "100 байт": the unit the user thinks in. */
    static String size(long bytes) {
        if (bytes < KILOBYTE) {
            return bytes + " байт";
        }
        if (bytes < MEGABYTE) {
            return (bytes + KILOBYTE - 1) / KILOBYTE + " КБ";
        }
        double value = (double) bytes / MEGABYTE;
        String number = value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.forLanguageTag("ru"), "%.1f", value);
        return number + " МБ";
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
    }

    /** OLE2 container: legacy XLS, or an XLSX saved with a password. */
    private static boolean isOldExcel(byte[] bytes) {
        return bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
                && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
    }

    private static CatalogException invalid(String message) {
        return new CatalogException(CatalogException.Reason.INVALID, message);
    }
}
