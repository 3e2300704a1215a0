package org.oko.catalog.internal.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold delimiters, line breaks and doubled
 * quotes). Hand-written because Commons CSV 1.12 needs Commons IO 2.16+, and POI pins 2.11 on the
 * classpath.
 */
final class CsvRecords {

    private final String text;
    private final char delimiter;
    private int position;

    private CsvRecords(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
    }

    /**
     * Every record, blank lines included (as one empty field) so that the index + 1 is the row a
     * spreadsheet shows; a line break inside quotes does not start a record.
     *
     * @return empty if a quote opened at some field is never closed
     */
    static Optional<List<List<String>>> parse(String text, char delimiter) {
        return new CsvRecords(text, delimiter).records();
    }

    private Optional<List<List<String>>> records() {
        List<List<String>> records = new ArrayList<>();
        while (position < text.length()) {
            List<String> record = new ArrayList<>();
            boolean more = true;
            while (more) {
                Optional<String> field = field();
                if (field.isEmpty()) {
                    return Optional.empty();
                }
                record.add(field.get());
                more = position < text.length() && text.charAt(position) == delimiter;
                if (more) {
                    position++;
                }
            }
            skipLineBreak();
            records.add(record);
        }
        return Optional.of(records);
    }

    /** One field, leaving the position at the delimiter, the line break or the end. */
    private Optional<String> field() {
        StringBuilder value = new StringBuilder();
        if (position < text.length() && text.charAt(position) == '"') {
            position++;
            while (true) {
                int quote = text.indexOf('"', position);
                if (quote < 0) {
                    return Optional.empty();
                }
                value.append(text, position, quote);
                position = quote + 1;
                if (position < text.length() && text.charAt(position) == '"') {
                    value.append('"');
                    position++;
                } else {
                    break;
                }
            }
        }
        // Unquoted text, or stray text after a closing quote: taken literally, as Excel does.
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == delimiter || c == '\n' || c == '\r') {
                break;
            }
            value.append(c);
            position++;
        }
        return Optional.of(value.toString());
    }

    private void skipLineBreak() {
        if (position < text.length() && text.charAt(position) == '\r') {
            position++;
        }
        if (position < text.length() && text.charAt(position) == '\n') {
            position++;
        }
    }
}
