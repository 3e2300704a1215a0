package org.oko.platform.api.rest;

import java.util.Objects;

/**
 * A text for people in OKO's two languages: Russian (the UI's first language) and English.
 *
 * @param ru the Russian text, never null
 * @param en the English text, never null (the Russian one when there is no translation)
 */
public record ApiMessage(String ru, String en) {

    /** What separated the two languages in OKO's older messages, "Русский / English". */
    public static final String JOINED_SEPARATOR = " / ";

    public ApiMessage {
        Objects.requireNonNull(ru, "ru");
        en = en == null ? ru : en;
    }

    public static ApiMessage of(String ru, String en) {
        return new ApiMessage(ru, en);
    }

    /**
     * An older "Русский / English" text split at its first {@value #JOINED_SEPARATOR}; a text without
     * one is the same in both languages. For messages of exceptions not (yet) thrown as {@link ApiException}.
     */
    public static ApiMessage split(String joined) {
        if (joined == null || joined.isBlank()) {
            return new ApiMessage("", "");
        }
        int at = joined.indexOf(JOINED_SEPARATOR);
        if (at <= 0) {
            return new ApiMessage(joined, joined);
        }
        return new ApiMessage(joined.substring(0, at).trim(), joined.substring(at + JOINED_SEPARATOR.length()).trim());
    }

    /** The text in a language ("en" gives English, anything else Russian). */
    public String in(String language) {
        return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? en : ru;
    }

    /** Both languages in one line, "Русский / English", for logs and exception messages. */
    public String joined() {
        return ru.equals(en) ? ru : ru + JOINED_SEPARATOR + en;
    }

    @Override
    public String toString() {
        return joined();
    }
}
