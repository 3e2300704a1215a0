package org.oko.catalog.internal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oko.catalog.api.CatalogException;

/** CSV as Excel and LibreOffice save it in Russia: UTF-8 or Windows-1251, ";" or ",". */
final class CsvTableReader {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private CsvTableReader() {
    }

    static RawTable read(String fileName, byte[] bytes) {
        String text = decode(bytes);
        List<List<String>> records = records(fileName, text);
        List<String> header = null;
        List<RawTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            List<Object> cells = new ArrayList<>(records.get(i).size());
            records.get(i).forEach(value -> cells.add(RawTable.clean(unprotected(value))));
            if (RawTable.isBlank(cells)) {
                continue;
            }
            if (header == null) {
                header = cells.stream().map(cell -> cell == null ? "" : cell.toString()).toList();
            } else {
                rows.add(new RawTable.Row(i + 1, cells, cells.size() < header.size()));
            }
        }
        return new RawTable(header == null ? List.of() : header, rows);
    }

    /** A cell the writer protected from Excel's formulas ("'=…") is read as it was. */
    private static String unprotected(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && CsvTableWriter.FORMULA_START.matcher(value).region(1, value.length()).lookingAt()
                ? value.substring(1) : value;
    }

    /** Every record, blank lines included, so that list index + 1 is the row number a spreadsheet shows. */
    private static List<List<String>> records(String fileName, String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false).build();
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CatalogException(CatalogException.Reason.INVALID, "Файл «" + fileName
                    + "» не удалось разобрать как CSV: открывающая кавычка в значении не закрыта");
        }
        return records;
    }

    /** BOM means UTF-8; otherwise UTF-8 if the bytes are valid UTF-8, else the Windows Cyrillic code page. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1251);
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
}
