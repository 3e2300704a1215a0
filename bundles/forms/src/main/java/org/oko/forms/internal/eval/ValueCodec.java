package org.oko.forms.internal.eval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.oko.forms.api.Indicator;
import org.oko.forms.api.Text;
import org.oko.forms.internal.FormsTexts;

/**
 * Converts between what JSON carries (Jackson's String, Number, Boolean, List, null) and the typed
 * values of a submission. Lenient in what people type (decimal comma, spaces between thousands,
 * dd.MM.yyyy dates), strict in what it stores.
 */
public final class ValueCodec {

    /** Longer texts are refused: a form value is never a document. */
    public static final int MAX_TEXT = 10_000;
    /** Numbers beyond this are refused: keeps every expression over them far from its own limit. */
    private static final BigDecimal MAX_NUMBER = new BigDecimal("1e15");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private ValueCodec() {
    }

    /** A typed value (null: no value), or why the raw value was refused. */
    public record Decoded(Object value, Text error) {

        public boolean ok() {
            return error == null;
        }

        static Decoded of(Object value) {
            return new Decoded(value, null);
        }

        static Decoded error(String key, Object... arguments) {
            return new Decoded(null, FormsTexts.text(key, arguments));
        }
    }

    /** The typed value of {@code raw} for the indicator; blank text and empty lists mean no value. */
    public static Decoded decode(Indicator indicator, Object raw) {
        if (raw == null || raw instanceof String s && s.isBlank() || raw instanceof List<?> l && l.isEmpty()) {
            return Decoded.of(null);
        }
        return switch (indicator.type()) {
            case INTEGER, DECIMAL, PERCENT -> number(raw);
            case BOOLEAN -> bool(raw);
            case DATE -> date(raw);
            case TEXT, CHOICE, FILE -> text(raw);
            case MULTI_CHOICE -> list(raw);
        };
    }

    /** JSON-friendly form of a typed value: dates as ISO strings, everything else as it is. */
    public static Object encode(Object value) {
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof List<?> list) {
            return List.copyOf(list);
        }
        return value;
    }

    private static Decoded number(Object raw) {
        BigDecimal number;
        if (raw instanceof BigDecimal decimal) {
            number = decimal;
        } else if (raw instanceof Number n) {
            if (raw instanceof Double d && (d.isNaN() || d.isInfinite()) || raw instanceof Float f && (f.isNaN() || f.isInfinite())) {
                return notANumber();
            }
            number = new BigDecimal(n.toString());
        } else if (raw instanceof String s) {
            String cleaned = s.strip().replaceAll("[\\s\\u00A0\\u202F]", "").replace(',', '.').replace('\u2212', '-');
            if (cleaned.length() > 40 || !NUMBER.matcher(cleaned).matches()) {
                return notANumber();
            }
            number = new BigDecimal(cleaned);
        } else {
            return notANumber();
        }
        if (number.abs().compareTo(MAX_NUMBER) > 0) {
            return Decoded.error("value.number-too-large");
        }
        return Decoded.of(number);
    }

    private static Decoded notANumber() {
        return Decoded.error("value.enter-number");
    }

    private static Decoded bool(Object raw) {
        if (raw instanceof Boolean b) {
            return Decoded.of(b);
        }
        if (raw instanceof String s && (s.strip().equals("true") || s.strip().equals("false"))) {
            return Decoded.of(Boolean.valueOf(s.strip()));
        }
        return Decoded.error("value.choose-yes-no");
    }

    private static Decoded date(Object raw) {
        if (raw instanceof String s) {
            String text = s.strip();
            for (DateTimeFormatter format : List.of(ISO, RUSSIAN)) {
                try {
                    return Decoded.of(LocalDate.parse(text, format));
                } catch (DateTimeParseException e) {
                    // try the next format
                }
            }
        }
        return Decoded.error("value.enter-date");
    }

    private static Decoded text(Object raw) {
        String text;
        if (raw instanceof String s) {
            text = s.strip();
        } else if (raw instanceof Number n) {
            text = n instanceof BigDecimal d ? d.toPlainString() : n.toString();
        } else {
            return Decoded.error("value.enter-text");
        }
        if (text.length() > MAX_TEXT) {
            return Decoded.error("value.text-too-long", MAX_TEXT);
        }
        return Decoded.of(text);
    }

    /** A list of texts (a single text is a list of one); repeated values are kept once. */
    private static Decoded list(Object raw) {
        List<?> items = raw instanceof List<?> l ? l : List.of(raw);
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (Object item : items) {
            if (!(item instanceof String s) || s.isBlank()) {
                return Decoded.error("value.choose-from-list");
            }
            values.add(s.strip());
        }
        return Decoded.of(List.copyOf(new ArrayList<>(values)));
    }
}
