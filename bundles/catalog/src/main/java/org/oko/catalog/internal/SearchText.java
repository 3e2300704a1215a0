package org.oko.catalog.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Normal form for Russian text search: lower case, ё as е, single spaces. */
public final class SearchText {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private SearchText() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return text.toLowerCase(RU).replace('ё', 'е').replaceAll("\\s+", " ").trim();
    }

    static String of(String... parts) {
        String joined = Stream.of(parts).filter(Objects::nonNull).map(SearchText::normalise)
                .collect(Collectors.joining(" | "));
        return joined.length() > 3000 ? joined.substring(0, 3000) : joined;
    }
}
