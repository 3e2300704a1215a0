package org.oko.module.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * For a module's unit test of its texts ({@code org.oko.platform.api.text.Texts}): the message keys its code
 * passes as string literals to {@code TEXTS.text/ru} (first argument) and {@code TEXTS.refusal/in} (second
 * argument), or to methods of those names of its anchor class ({@code CatalogTexts.refusal(reason, "key")}),
 * so that a test can assert that each has its text:
 *
 * <pre>
 * assertEquals(Set.of(), TextKeys.missing(Path.of("src/main/java"), MyTexts.TEXTS.keys()));
 * </pre>
 *
 * <p>Only plain JDK: a bundle may take this jar as a test dependency without its Pax Exam dependencies.
 * Keys built at run time ({@code "role." + name()}) are not seen; test those by their values.
 */
public final class TextKeys {

    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern KEY = Pattern.compile(
            "(?:TEXTS|\\b[A-Z]\\w*Texts)\\s*\\.\\s*(?:(?:text|ru)\\(\\s*|(?:refusal|in)\\(\\s*[^,()]+,\\s*)\"([^\"]+)\"\\s*[,)]");

    private TextKeys() {
    }

    /** The keys used in the {@code .java} files under {@code sources}, comments left out. */
    public static Set<String> usedIn(Path sources) {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Matcher matcher = KEY.matcher(COMMENT.matcher(read(f)).replaceAll(""));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** The keys used under {@code sources} that are not among {@code known}; empty when every one has its text. */
    public static Set<String> missing(Path sources, Collection<String> known) {
        Set<String> used = usedIn(sources);
        if (used.isEmpty()) {
            throw new AssertionError("no TEXTS call with a literal key under " + sources.toAbsolutePath());
        }
        used.removeAll(known);
        return used;
    }

    /**
     * The keys a bundle's own pattern finds (its first group is the key) under {@code sources} that are neither
     * among {@code known} nor among {@code codes} (strings the pattern finds that are codes, not keys); for code
     * that names its keys otherwise than through {@code TEXTS} calls.
     */
    public static Set<String> missing(Path sources, Collection<String> known, Pattern key, String... codes) {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> key.matcher(read(f)).results().forEach(r -> used.add(r.group(1))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (used.isEmpty()) {
            throw new AssertionError("the pattern found no key under " + sources.toAbsolutePath());
        }
        used.removeAll(known);
        used.removeAll(Set.of(codes));
        return used;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
