package org.oko.vpr.internal.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Result;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads a results file shaped like the federal system's export — one row per participant, tasks as
 * columns — streaming (XLSX through POI's event API, CSV through Commons CSV in UTF-8 or
 * Windows-1251, ';' or ','), and checks every row against the test's spec. Each good row goes to
 * the sink as soon as it is read, but only while the file has no problem at all: after the first
 * problem the rest is still checked (every problem is reported) and nothing more is handed on — the
 * caller discards what it got (all or nothing). Nothing is kept per row except the works' keys.
 *
 * <p>A work is a participant of a school: schools number their participants themselves (from 00001),
 * so the same participant code in two schools is two works, and only a code twice in one school is a
 * duplicate ({@link Result#key}). A CSV row with fewer cells than the header was cut short (a file broken
 * off in the middle of its last row): a row error, never empty cells read as zeros.
 */
public final class ResultsReader {

    /** A problem of the file (row 0) or of one row; rows are numbered as a spreadsheet shows them. */
    public record Problem(long row, String column, String message) {
    }

    public record Outcome(List<Problem> problems, long rows, int problemCount) {
    }

    static final int MAX_PROBLEMS_KEPT = 1000;

    private final TestSpec spec;
    private final Predicate<String> knownSchool;
    private final Set<String> alreadyStored;
    private int headerSize;
    private final Map<String, String> mapping;
    private final LongConsumer progress;
    private final ObjLongConsumer<Result> sink;

    private Columns columns;
    private final List<Problem> problems = new ArrayList<>();
    private int problemCount;
    private final Map<String, Long> seen = new HashMap<>();
    private long rows;

    /**
     * @param alreadyStored keys ({@link Result#key}) of the works stored for this test and not being replaced: a duplicate
     * @param progress      told the number of rows read, every thousand rows
     * @param sink          given each good row with its row number, while the file has no problem yet
     */
    public ResultsReader(TestSpec spec, Predicate<String> knownSchool, Set<String> alreadyStored, Map<String, String> mapping,
                         LongConsumer progress, ObjLongConsumer<Result> sink) {
        this.spec = spec;
        this.knownSchool = knownSchool;
        this.alreadyStored = alreadyStored;
        this.mapping = mapping;
        this.progress = progress;
        this.sink = sink;
    }

    public Outcome read(Path file, String fileName) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".xlsx") || isZip(file)) {
            readXlsx(file);
        } else {
            readCsv(file);
        }
        if (columns == null) {
            problem(0, null, "Файл пуст: нет строки заголовков / the file is empty");
        } else if (rows == 0 && columns.problems.isEmpty()) {
            problem(0, null, "В файле нет ни одной строки с результатами / no results in the file");
        }
        return new Outcome(List.copyOf(problems), rows, problemCount);
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    // ---- CSV -------------------------------------------------------------------------------

    private void readCsv(Path file) throws IOException {
        Charset charset = charsetOf(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             Reader reader = new InputStreamReader(skipBom(raw), charset)) {
            java.io.BufferedReader buffered = new java.io.BufferedReader(reader, 1 << 16);
            buffered.mark(1 << 16);
            String first = buffered.readLine();
            if (first == null) {
                return;
            }
            buffered.reset();
            char delimiter = count(first, ';') >= count(first, ',') ? ';' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).build();
            try (CSVParser parser = format.parse(buffered)) {
                long line = 0;
                for (CSVRecord record : parser) {
                    line++;
                    List<String> cells = new ArrayList<>(record.size());
                    record.forEach(cells::add);
                    if (line == 1) {
                        header(cells);
                        headerSize = cells.size();
                    } else if (cells.size() < headerSize && columns.problems.isEmpty()) {
                        rows++;
                        problem(line, columns.name(cells.size()), "В строке нет столбцов " + columns.names(cells.size(), headerSize)
                                + " (ячеек " + cells.size() + " из " + headerSize + "): строка оборвана / the row is cut short: "
                                + cells.size() + " of " + headerSize + " cells");
                    } else {
                        row(line, cells);
                    }
                }
            }
        }
    }

    /** UTF-8 when the first 64 KB decode as UTF-8 (BOM or not), otherwise Windows-1251. */
    private static Charset charsetOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 16);
        }
        int end = head.length;
        while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) {
            end--; // do not judge a character cut by the 64 KB boundary
        }
        if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1251");
        }
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return in;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }

    // ---- XLSX ------------------------------------------------------------------------------

    private void readXlsx(Path file) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new SheetRows(),
                        new DataFormatter(java.util.Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            problem(0, null, "Файл XLSX не читается / the XLSX file cannot be read: " + e.getMessage());
        }
    }

    /** Rows of the first sheet as lists of cell texts (empty cells as ""). */
    private final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<String> cells = new ArrayList<>();
        private int rowNumber;

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            rowNumber = rowNum + 1;
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (columns == null) {
                header(new ArrayList<>(cells));
            } else {
                row(rowNumber, cells);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    // ---- rows ------------------------------------------------------------------------------

    private void header(List<String> cells) {
        columns = new Columns(cells, spec, mapping);
        columns.problems.forEach(message -> problem(1, null, message));
    }

    private void row(long line, List<String> cells) {
        if (!columns.problems.isEmpty()) {
            return; // the header already says what is wrong; rows cannot be read against it
        }
        rows++;
        if (rows % 1000 == 0 && progress != null) {
            progress.accept(rows);
        }
        int before = problemCount;
        String participant = cell(cells, columns.field(Columns.PARTICIPANT));
        String school = cell(cells, columns.field(Columns.SCHOOL));
        if (participant.isEmpty()) {
            problem(line, "код участника", "Пустой код участника / no participant code");
        } else if (participant.length() > 40) {
            problem(line, "код участника", "Код участника длиннее 40 знаков / the participant code is too long");
        } else {
            String key = Result.key(school, participant);
            Long earlier = seen.putIfAbsent(key, line);
            if (earlier != null) {
                problem(line, "код участника", "Участник " + participant + " ОО " + school + " уже есть в строке " + earlier
                        + " / a duplicate participant of the school");
            } else if (alreadyStored.contains(key)) {
                problem(line, "код участника", "Результат участника " + participant + " ОО " + school
                        + " уже загружен; загрузите файл с заменой / already imported: import with replace");
            }
        }
        if (!knownSchool.test(school)) {
            problem(line, "код ОО", "Неизвестный код ОО «" + school + "» / an unknown school code");
        }
        byte[] scores = new byte[columns.tasks.length];
        int sum = 0;
        for (int i = 0; i < scores.length; i++) {
            TestSpec.Task task = spec.tasks().get(i);
            String text = cell(cells, columns.tasks[i]);
            Integer score = score(text);
            if (score == null) {
                problem(line, "задание " + task.label(), "Балл «" + text + "» — не целое число / not a whole number");
            } else if (score > task.max()) {
                problem(line, "задание " + task.label(), "Балл " + score + " за задание " + task.label() + " больше максимума "
                        + task.max() + " / above the task's maximum");
            } else {
                scores[i] = score.byteValue();
                sum += score;
            }
        }
        int total = sum;
        boolean tasksRead = problemCount == before; // a bad task score already explains a total that does not add up
        String totalText = cell(cells, columns.field(Columns.TOTAL));
        if (!totalText.isEmpty() && tasksRead) {
            Integer stated = score(totalText);
            if (stated == null || stated != sum) {
                problem(line, "первичный балл", "Первичный балл " + totalText + " не равен сумме баллов за задания " + sum
                        + " / the total is not the sum of the tasks");
            }
        }
        int mark = spec.scale().markFor(total);
        String markText = cell(cells, columns.field(Columns.MARK));
        if (!markText.isEmpty() && tasksRead) {
            Integer stated = score(markText);
            if (stated == null || stated != mark) {
                problem(line, "отметка", "Отметка " + markText + " не соответствует шкале: за " + total + " баллов — " + mark
                        + " / the mark contradicts the scale");
            }
        }
        String journalText = cell(cells, columns.field(Columns.JOURNAL));
        int journal = 0;
        if (!journalText.isEmpty()) {
            Integer stated = score(journalText);
            if (stated == null || stated < 2 || stated > 5) {
                problem(line, "отметка по журналу", "Отметка по журналу «" + journalText + "»: от 2 до 5 / the journal mark is 2–5");
            } else {
                journal = stated;
            }
        }
        String variantText = cell(cells, columns.field(Columns.VARIANT));
        Integer variant = variantText.isEmpty() ? Integer.valueOf(0) : score(variantText);
        if (variant == null) {
            problem(line, "вариант", "Вариант «" + variantText + "» — не число / not a number");
        }
        if (problemCount == 0) { // after a problem nothing will be written, so nothing more is handed on
            String className = cell(cells, columns.field(Columns.CLASS));
            sink.accept(new Result(participant, school, className.length() > 10 ? className.substring(0, 10) : className,
                    variant, scores, total, mark, journal), line);
        }
    }

    /** A whole number ≥ 0; "", "-", "Х"/"X", "Н" (not done) count as 0. */
    private static Integer score(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("-") || t.equalsIgnoreCase("x") || t.equalsIgnoreCase("х") || t.equalsIgnoreCase("н")) {
            return 0;
        }
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        if (t.isEmpty() || t.length() > 3) {
            return null;
        }
        int value = 0;
        for (int i = 0; i < t.length(); i++) { // by hand, not a regular expression: called for every cell of a region's file
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String cell(List<String> cells, Integer index) {
        return index == null || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).strip();
    }

    private void problem(long row, String column, String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(new Problem(row, column, message));
        }
    }
}
