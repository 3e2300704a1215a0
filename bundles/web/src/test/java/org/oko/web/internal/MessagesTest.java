package org.oko.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps the message bundles honest: every key the screens use has a Russian text, every Russian
 * text an English one, and no text lingers that nothing uses. The same for the screens modules bring
 * (the ВПР, ГТО, ВсОШ, НОКО and analytics modules and the archetype's), whose keys may also be the core's.
 */
class MessagesTest {

    private static final Path CORE = Path.of("src/main/resources/web");
    /** The module screens of this repository: each folder holds its screens and messages/. */
    private static final List<Path> MODULES = List.of(
            Path.of("../vpr/src/main/resources/OKO-INF/web"),
            Path.of("../gto/src/main/resources/OKO-INF/web"),
            Path.of("../olympiad/src/main/resources/OKO-INF/web"),
            Path.of("../noko/src/main/resources/OKO-INF/web"),
            Path.of("../analytics/src/main/resources/OKO-INF/web"),
            Path.of("../../archetype/src/main/resources/archetype-resources/src/main/resources/OKO-INF/web"));

    /** t('some.key' or tx('some.key' (whose placeholders may hold elements) — a key used as it is. */
    private static final Pattern KEY = Pattern.compile("\\btx?\\(\\s*'([^']*)'\\s*[,)]");
    /** t('some.prefix.' + value — a family of keys (a label per enum value). */
    private static final Pattern PREFIX = Pattern.compile("\\bt\\(\\s*'([\\w.]+\\.)'\\s*\\+");
    /** tr('Русский', 'English'), the way texts were written before the bundles. */
    private static final Pattern OLD_PAIR = Pattern.compile("\\btr\\(");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    @Test
    void coreKeysAreInBothBundlesAndAllUsed() {
        check(CORE, Map.of());
    }

    @Test
    void moduleScreensHaveTheirTexts() {
        Map<String, String> core = read(CORE.resolve("messages/ru.json"));
        for (Path module : MODULES) {
            assertTrue(Files.isDirectory(module), module + " is missing: update MODULES");
            check(module, core);
        }
    }

    @Test
    void theScannerSeesKeysAndFamilies() {
        // Guards the patterns above: a scanner that finds nothing would pass every check.
        Uses uses = uses("t('a.b'), t('c.d', {n}), t('e.f.' + x), h('tr', {}), format('x.y')");
        assertEquals(Set.of("a.b", "c.d"), uses.keys);
        assertEquals(Set.of("e.f."), uses.prefixes);
    }

    private void check(Path folder, Map<String, String> core) {
        Map<String, String> ru = read(folder.resolve("messages/ru.json"));
        Map<String, String> en = read(folder.resolve("messages/en.json"));
        Uses uses = new Uses();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                String source = Files.readString(js);
                assertFalse(OLD_PAIR.matcher(source).find(), js + ": a tr('ru', 'en') pair; use t('key')");
                uses.add(uses(source));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(uses.keys.isEmpty(), folder + ": no t('…') found");

        Set<String> missing = new TreeSet<>(uses.keys);
        missing.removeIf(key -> ru.containsKey(key) || core.containsKey(key));
        assertEquals(Set.of(), missing, folder + ": keys used but not in messages/ru.json");
        for (String prefix : uses.prefixes) {
            assertTrue(ru.keySet().stream().anyMatch(k -> k.startsWith(prefix)) || core.keySet().stream().anyMatch(k -> k.startsWith(prefix)),
                    folder + ": no key starts with " + prefix);
        }

        Set<String> untranslated = new TreeSet<>(ru.keySet());
        untranslated.removeAll(en.keySet());
        assertEquals(Set.of(), untranslated, folder + ": keys in ru.json, not in en.json");
        Set<String> onlyEnglish = new TreeSet<>(en.keySet());
        onlyEnglish.removeAll(ru.keySet());
        assertEquals(Set.of(), onlyEnglish, folder + ": keys in en.json, not in ru.json (Russian is the fallback)");

        Set<String> unused = new TreeSet<>(ru.keySet());
        unused.removeAll(uses.keys);
        unused.removeIf(key -> uses.prefixes.stream().anyMatch(key::startsWith));
        assertEquals(Set.of(), unused, folder + ": keys nothing uses");

        for (Map.Entry<String, String> text : ru.entrySet()) {
            assertFalse(text.getValue().isBlank(), folder + ": " + text.getKey() + " is empty");
            Set<String> english = placeholders(en.get(text.getKey()));
            english.removeAll(placeholders(text.getValue()));
            assertEquals(Set.of(), english, folder + ": " + text.getKey() + ": placeholders only in English");
        }
    }

    private static Uses uses(String source) {
        Uses uses = new Uses();
        Matcher key = KEY.matcher(source);
        while (key.find()) {
            uses.keys.add(key.group(1));
        }
        Matcher prefix = PREFIX.matcher(source);
        while (prefix.find()) {
            uses.prefixes.add(prefix.group(1));
        }
        return uses;
    }

    private static Set<String> placeholders(String message) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Map<String, String> read(Path json) {
        try {
            return new ObjectMapper().readValue(json.toFile(), new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(json + " does not read as {\"key\": \"text\"}", e);
        }
    }

    private static final class Uses {
        final Set<String> keys = new TreeSet<>();
        final Set<String> prefixes = new TreeSet<>();

        void add(Uses other) {
            keys.addAll(other.keys);
            prefixes.addAll(other.prefixes);
        }
    }
}
