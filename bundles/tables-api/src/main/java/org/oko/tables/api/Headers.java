package org.oko.tables.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Headers as imports compare them: people type them in any case and spacing, with ё or е, templates mark required ones with "*". */
public final class Headers {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Headers() {
    }

    public static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String text = SPACES.matcher(header.replace('\uFEFF', ' ').toLowerCase(RU).replace('ё', 'е')).replaceAll(" ").strip();
        while (text.endsWith("*")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    /** A person's mapping (the file's header → column id) keyed by normalised headers, ids trimmed, null as "". */
    public static Map<String, String> normalised(Map<String, String> mapping) {
        Map<String, String> result = new LinkedHashMap<>();
        if (mapping != null) {
            mapping.forEach((header, column) -> result.put(normalise(header), column == null ? "" : column.strip()));
        }
        return result;
    }
}
