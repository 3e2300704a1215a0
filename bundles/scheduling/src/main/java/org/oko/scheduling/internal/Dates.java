package org.oko.scheduling.internal;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Dates as users write them (dd.MM.yyyy) and as data keeps them (ISO yyyy-MM-dd). */
public final class Dates {

    /** Strict: 31.02.2026 is an error, not the 28th. */
    public static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** Parses dd.MM.yyyy or yyyy-MM-dd; IllegalArgumentException with a message for the user otherwise. */
    public static LocalDate parse(String text) {
        try {
            return text != null && text.matches("\\d{2}\\.\\d{2}\\.\\d{4}") ? LocalDate.parse(text, RUSSIAN) : LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(TEXTS.text("date.unrecognised", text).joined());
        }
    }

    public static String russian(LocalDate date) {
        return date == null ? null : RUSSIAN.format(date);
    }
}
