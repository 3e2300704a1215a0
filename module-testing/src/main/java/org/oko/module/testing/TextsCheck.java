package org.oko.module.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.oko.platform.api.text.Texts;

/**
 * A unit test's check of a bundle's texts for people (platform-api's {@link Texts}): every key in both
 * languages with the same placeholders, and a text for every key the bundle's code names. The keys named are
 * found in the sources below {@code src/main/java} (the test's working directory is the module's) by a
 * pattern whose first group is the key, e.g. the first string literal of a {@code TEXTS.…(…)} call:
 *
 * <pre>
 * assertEquals(Set.of(), TextsCheck.problems(TEXTS, Pattern.compile("TEXTS\\.\\w+\\(\"([\\w.-]+)\"")));
 * </pre>
 *
 * <p>Only the JDK and platform-api are needed: a bundle may take this jar alone, without the Pax Exam harness.
 */
public final class TextsCheck {

    private TextsCheck() {
    }

    /**
     * What is wrong with the texts, empty when all is well.
     *
     * @param key   finds a key named in the code as its first group
     * @param codes strings the pattern finds that are codes and not keys (a refusal's code with several texts)
     */
    public static Set<String> problems(Texts texts, Pattern key, String... codes) throws IOException {
        Set<String> problems = new TreeSet<>(texts.problems());
        Set<String> known = texts.keys();
        Set<String> allowed = Set.of(codes);
        for (String named : named(Path.of("src/main/java"), key)) {
            if (!known.contains(named) && !allowed.contains(named)) {
                problems.add(named + ": named in the code, no text");
            }
        }
        return problems;
    }

    /** Every key {@code key} finds in the Java sources below {@code sources}. */
    public static Set<String> named(Path sources, Pattern key) throws IOException {
        Set<String> named = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(sources)) {
            files = all.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            key.matcher(Files.readString(file)).results().forEach(found -> named.add(found.group(1)));
        }
        return named;
    }
}
