package org.oko.catalog.internal.io;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Dates as text: Russian dd.MM.yyyy as people type them, ISO as machines write them. */
final class CatalogDates {

    static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    /** Accepts a missing leading zero ("1.9.2024"): typed dates often lack it. */
    private static final DateTimeFormatter RUSSIAN_LENIENT =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private CatalogDates() {
    }

    static Optional<LocalDate> parse(String text) {
        for (DateTimeFormatter format : new DateTimeFormatter[] {RUSSIAN_LENIENT, DateTimeFormatter.ISO_LOCAL_DATE}) {
            try {
                return Optional.of(LocalDate.parse(text.trim(), format));
            } catch (DateTimeParseException notThisFormat) {
                // try the next one
            }
        }
        return Optional.empty();
    }

    static String format(LocalDate date) {
        return date == null ? null : RUSSIAN.format(date);
    }
}
