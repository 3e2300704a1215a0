package org.oko.catalog.internal.io;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oko.catalog.internal.CatalogTexts;
import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.FileFormat;
import org.oko.catalog.api.RowError;
import org.oko.tables.api.RowProblem;
import org.oko.tables.api.TableException;
import org.oko.tables.api.TableHandler;
import org.oko.tables.api.TableReader;
import org.oko.tables.api.TableRow;

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
     * @param remembered mappings of earlier imports, by normalised header ({@link org.oko.tables.api.Headers#normalise})
     */
    public ParsedFile read(String fileName, InputStream in, Map<String, String> chosen, Map<String, String> remembered)
            throws IOException {
        byte[] bytes = in.readNBytes((int) maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge(fileName, in);
        }
        if (bytes.length == 0) {
            throw CatalogTexts.refusal(CatalogException.Reason.INVALID, "catalog.file-empty", fileName);
        }
        FileFormat format = isZip(bytes) ? FileFormat.XLSX : FileFormat.CSV;
        RawTable table = table(fileName, bytes);
        if (table.header().isEmpty()) {
            throw CatalogTexts.refusal(CatalogException.Reason.INVALID, "catalog.file-empty", fileName);
        }
        if (table.rows().isEmpty()) {
            throw new CatalogException(CatalogException.Reason.INVALID, "catalog.file-empty", TEXTS.text("catalog.file-empty.no-rows", fileName));
        }
        return parse(format, table, chosen, remembered);
    }

    /** The file through the platform's one table reader; empty cells become null. */
    private static RawTable table(String fileName, byte[] bytes) throws IOException {
        List<String> header = new ArrayList<>();
        long[] headerRow = {1};
        List<RawTable.Row> rows = new ArrayList<>();
        try {
            TableReader.read(new ByteArrayInputStream(bytes), fileName, new TableHandler() {
                @Override
                public void header(long number, List<String> cells) {
                    header.addAll(cells);
                    headerRow[0] = number;
                }

                @Override
                public void row(TableRow row) {
                    List<Object> cells = new ArrayList<>(row.cells().size());
                    row.cells().forEach(cell -> cells.add(cell.isEmpty() ? null : cell));
                    rows.add(new RawTable.Row((int) row.number(), cells, row.cutShort(), row));
                }
            });
        } catch (TableException e) {
            throw new CatalogException(CatalogException.Reason.INVALID, e.code(), e.text());
        }
        return new RawTable(header, headerRow[0], rows);
    }

    private static ParsedFile parse(FileFormat format, RawTable table, Map<String, String> chosen, Map<String, String> remembered) {
        RowMapper mapper = new RowMapper(table.header(), table.headerRow(), chosen, remembered);
        if (!mapper.headerErrors().isEmpty()) {
            return new ParsedFile(format, List.of(), mapper.headerErrors(), mapper.columns(), mapper.matches());
        }
        List<RowError> errors = new ArrayList<>();
        List<ParsedRow> rows = new ArrayList<>();
        Map<String, Integer> firstRowByCode = new HashMap<>();
        for (RawTable.Row raw : table.rows()) {
            if (raw.cutShort()) {
                RowProblem problem = mapper.mapping().cutShort(raw.source());
                errors.add(new RowError(raw.row(), problem.column(), problem.message()));
                continue;
            }
            mapper.map(raw, errors).ifPresent(row -> {
                Integer first = firstRowByCode.putIfAbsent(row.organisation().code(), row.row());
                if (first == null) {
                    rows.add(row);
                } else {
                    errors.add(new RowError(row.row(), CatalogColumns.CODE.header(),
                            TEXTS.ru("catalog.row.code-repeated", row.organisation().code(), first)));
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
        String actual = size > probeLimit ? TEXTS.ru("catalog.size.more-than", size(probeLimit)) : size(size);
        return CatalogTexts.refusal(CatalogException.Reason.INVALID, "catalog.file-too-large", fileName, actual, size(maxBytes));
    }

    /** "20 МБ", "20,5 МБ", "64 КБ", "100 байт": the unit the user thinks in. */
    static String size(long bytes) {
        if (bytes < KILOBYTE) {
            return TEXTS.ru("catalog.size.bytes", bytes);
        }
        if (bytes < MEGABYTE) {
            return TEXTS.ru("catalog.size.kb", (bytes + KILOBYTE - 1) / KILOBYTE);
        }
        double value = (double) bytes / MEGABYTE;
        String number = value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.forLanguageTag("ru"), "%.1f", value);
        return TEXTS.ru("catalog.size.mb", number);
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
    }

}
