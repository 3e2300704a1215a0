package org.oko.catalog.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as Russian users write them: dd.MM.yyyy. */
public final class Dates {

    public static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Dates() {
    }

    public static String format(LocalDate date) {
        return date == null ? "" : RU.format(date);
    }
}
