package org.oko.tables.api;

import static org.oko.tables.api.internal.TablesApiTexts.TEXTS;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Streams a tabular file to a {@link TableHandler}, row by row, whatever its size: CSV as Excel and
 * LibreOffice save it in Russia (UTF-8 with or without BOM, or Windows-1251; ";" or ","), or the
 * first sheet of an XLSX workbook through POI's event API. The format comes from the content, not
 * the name. Cells are texts as the user sees them: an XLSX integer in General format in full (never
 * 1,2E+15), a date as dd.MM.yyyy, "000123" with its zeros; a CSV cell that an export protected from
 * Excel's formulas ("'=…") as it was.
 */
public final class TableReader {

    /** Enough of the start of a CSV to judge its encoding and separator. */
    private static final int SAMPLE = 1 << 16;
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    /** A cell Excel would take for a formula; exports write it with a leading apostrophe. */
    public static final Pattern FORMULA_START = Pattern.compile("[=+\\-@\\t\\r]");

    private TableReader() {
    }

    /** @param fileName only for messages */
    public static void read(Path file, String fileName, TableHandler handler) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            check(head, fileName);
            if (isZip(head)) {
                try (OPCPackage pkg = open(() -> OPCPackage.open(file.toFile(), PackageAccess.READ), fileName)) {
                    readXlsx(pkg, fileName, handler);
                }
                return;
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            readCsv(in, fileName, handler);
        }
    }

    /** @param fileName only for messages; an XLSX is held in memory whole, so prefer {@link #read(Path, String, TableHandler)} for big files */
    public static void read(InputStream stream, String fileName, TableHandler handler) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, SAMPLE);
        in.mark(8);
        byte[] head = in.readNBytes(8);
        in.reset();
        check(head, fileName);
        if (isZip(head)) {
            try (OPCPackage pkg = open(() -> OPCPackage.open(in), fileName)) {
                readXlsx(pkg, fileName, handler);
            }
        } else {
            readCsv(in, fileName, handler);
        }
    }

    private static void check(byte[] head, String fileName) {
        if (head.length == 0) {
            throw new TableException("table.empty", TEXTS.text("table.empty", fileName));
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) { // OLE2: legacy XLS, or an XLSX saved with a password
            throw new TableException("table.xls-or-encrypted", TEXTS.text("table.xls-or-encrypted", fileName));
        }
    }

    private static boolean isZip(byte[] head) {
        return head.length >= 2 && head[0] == 'P' && head[1] == 'K';
    }

    // ---- CSV -------------------------------------------------------------------------------

    private static void readCsv(InputStream stream, String fileName, TableHandler handler) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, SAMPLE + 4);
        in.mark(SAMPLE + 4);
        byte[] sample = in.readNBytes(SAMPLE);
        in.reset();
        int bom = sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF ? 3 : 0;
        in.skipNBytes(bom);
        Charset charset = charsetOf(sample, bom);
        String text = new String(sample, bom, sample.length - bom, charset);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false).build();
        int headerSize = -1;
        try (Reader reader = new InputStreamReader(in, charset); CSVParser parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(value -> cells.add(unprotected(value.strip())));
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                long number = record.getRecordNumber(); // blank lines are records too, so this is the spreadsheet's row
                try {
                    if (headerSize < 0) {
                        headerSize = cells.size();
                        handler.header(number, cells);
                    } else {
                        handler.row(new TableRow(number, cells, cells.size() < headerSize));
                    }
                } catch (RuntimeException e) {
                    throw new HandlerFailure(e); // the caller's own exception, not the file's
                }
            }
        } catch (HandlerFailure e) {
            throw e.getCause();
        } catch (UncheckedIOException e) { // Commons CSV's way of saying the text is no CSV (a quote left open)
            throw new TableException("table.csv-unclosed-quote", TEXTS.text("table.csv-unclosed-quote", fileName), e);
        }
    }

    /** UTF-8 when the sample decodes as UTF-8 (a character cut by the sample's end aside), otherwise Windows-1251. */
    static Charset charsetOf(byte[] sample, int from) {
        int end = sample.length;
        if (end == SAMPLE) { // the file goes on: do not judge a character cut in two
            while (end > from && end > sample.length - 4 && (sample[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > from && (sample[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample, from, end - from));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return WINDOWS_1251;
        }
    }

    /** The separator used more often in the first line, outside quotes; ";" on a tie (Russian Excel's choice). */
    static char delimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (semicolons + commas > 0) {
                    break;
                }
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }

    private static String unprotected(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && FORMULA_START.matcher(value).region(1, value.length()).lookingAt()
                ? value.substring(1) : value;
    }

    // ---- XLSX ------------------------------------------------------------------------------

    private interface Opener {
        OPCPackage open() throws Exception;
    }

    private static OPCPackage open(Opener opener, String fileName) {
        try {
            return opener.open();
        } catch (Exception e) { // POI reports a damaged or non-OOXML zip with assorted exceptions
            throw unreadable(fileName, e);
        }
    }

    private static TableException unreadable(String fileName, Exception e) {
        return new TableException("table.xlsx-unreadable", TEXTS.text("table.xlsx-unreadable", fileName), e);
    }

    private static void readXlsx(OPCPackage pkg, String fileName, TableHandler handler) throws IOException {
        try {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new SheetRows(handler),
                        new CellFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (HandlerFailure e) {
            throw e.getCause();
        } catch (IOException | TableException e) {
            throw e;
        } catch (Exception e) {
            throw unreadable(fileName, e);
        }
    }

    /** Numbers as the user sees them, except General integers in full and dates as dd.MM.yyyy. */
    private static final class CellFormatter extends DataFormatter {

        /** Integers up to this size are exact in a double. */
        private static final double EXACT_INTEGER_LIMIT = 1e15;
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

        CellFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().format(DATE);
            }
            boolean general = formatIndex == 0 || "General".equalsIgnoreCase(formatString);
            if (general && value == Math.rint(value) && Math.abs(value) < EXACT_INTEGER_LIMIT) {
                return new BigDecimal(value).toBigInteger().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    /** Carries the handler's exception through the XML parser. */
    private static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** Rows of the sheet as cell texts; blank rows skipped, the first non-blank one is the header. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final TableHandler handler;
        private final List<String> cells = new ArrayList<>();
        private boolean headerSeen;

        SheetRows(TableHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isEmpty)) {
                return;
            }
            try {
                if (!headerSeen) {
                    headerSeen = true;
                    handler.header(rowNum + 1L, List.copyOf(cells));
                } else {
                    handler.row(new TableRow(rowNum + 1L, cells, false));
                }
            } catch (RuntimeException e) {
                throw new HandlerFailure(e); // the caller's own exception, not a damaged file
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            String text = value == null ? "" : value.strip();
            cells.add(text.startsWith("ERROR:") ? text.substring("ERROR:".length()) : text);
        }
    }
}
