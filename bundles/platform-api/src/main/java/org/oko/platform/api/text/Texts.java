package org.oko.platform.api.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;

/**
 * One bundle's texts for people, by message key, in Russian (the UI's first language) and English.
 * The texts live in two UTF-8 property files beside an anchor class of the bundle:
 * {@code messages.properties} (Russian) and {@code messages_en.properties} (English), read once through
 * the anchor's class loader, so that a module's texts travel inside its jar:
 *
 * <pre>
 * private static final Texts TEXTS = Texts.of(FormsTexts.class);
 * throw TEXTS.refusal(Kind.INVALID, "submission.batch-size", MAX_BATCH);
 * </pre>
 *
 * <p>In a text, {@code {0}}, {@code {1}}… stand for the arguments, written with {@code String.valueOf};
 * there is no other syntax (no quoting rules, no number formats that would print an id as "12 345").
 * A key missing in English falls back to the Russian text; a key missing in both gives the key
 * itself, so that a forgotten text shows, not an exception in the middle of an error. {@link #problems()}
 * lists both cases for a bundle's unit test.
 */
public final class Texts {

    private final String where;
    private final Map<String, String> ru;
    private final Map<String, String> en;

    private Texts(String where, Map<String, String> ru, Map<String, String> en) {
        this.where = where;
        this.ru = ru;
        this.en = en;
    }

    /** The texts beside {@code anchor}: {@code messages.properties} and {@code messages_en.properties} of its package. */
    public static Texts of(Class<?> anchor) {
        return of(anchor, "messages");
    }

    /** The texts of {@code baseName}{@code .properties} and {@code baseName_en.properties} in {@code anchor}'s package. */
    public static Texts of(Class<?> anchor, String baseName) {
        String where = anchor.getPackageName().replace('.', '/') + "/" + baseName;
        return new Texts(where, read(anchor, where + ".properties"), read(anchor, where + "_en.properties"));
    }

    /** The text of {@code key} in both languages. */
    public ApiMessage text(String key, Object... arguments) {
        String russian = ru.get(key);
        if (russian == null) {
            russian = en.getOrDefault(key, key);
        }
        return new ApiMessage(fill(russian, arguments), fill(en.getOrDefault(key, russian), arguments));
    }

    /** The text of {@code key} in a language ("en" gives English, anything else Russian). */
    public String in(String language, String key, Object... arguments) {
        return text(key, arguments).in(language);
    }

    /** The Russian text of {@code key}. */
    public String ru(String key, Object... arguments) {
        return text(key, arguments).ru();
    }

    /** A refusal whose code is {@code key} and whose message is its text. */
    public ApiException refusal(ApiException.Kind kind, String key, Object... arguments) {
        return new ApiException(kind, key, text(key, arguments));
    }

    /** Every key of either language. */
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>(ru.keySet());
        keys.addAll(en.keySet());
        return keys;
    }

    /** Keys missing in one of the two languages, or with different placeholders in each; empty when all is well. */
    public Set<String> problems() {
        Set<String> problems = new TreeSet<>();
        for (String key : keys()) {
            String russian = ru.get(key);
            String english = en.get(key);
            if (russian == null) {
                problems.add(key + ": no Russian text in " + where + ".properties");
            } else if (english == null) {
                problems.add(key + ": no English text in " + where + "_en.properties");
            } else if (!placeholders(russian).equals(placeholders(english))) {
                problems.add(key + ": the two languages have different placeholders");
            }
        }
        return problems;
    }

    /** The text with {@code {n}} replaced by the n-th argument. */
    static String fill(String text, Object... arguments) {
        if (arguments == null || arguments.length == 0 || text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if (close > i + 1 && isNumber(text, i + 1, close)) {
                int n = Integer.parseInt(text, i + 1, close, 10);
                out.append(n < arguments.length ? String.valueOf(arguments[n]) : text.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isNumber(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return to - from <= 2;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{\\d{1,2}}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> read(Class<?> anchor, String resource) {
        ClassLoader loader = anchor.getClassLoader();
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return Map.copyOf((Map) properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
