package org.oko.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue #2: OKO logs through SLF4J (pax-logging), never to the JVM's stdout or stderr, which under
 * {@code ./oko start} go nowhere and in the console mix with the terminal. Shell commands write to
 * their session's console. This build check reads the main sources of every bundle (the modules
 * next to this one in {@code bundles/}).
 */
class NoConsoleOutputTest {

    private static final Pattern FORBIDDEN = Pattern.compile("System\\s*\\.\\s*(out|err)\\b|\\.printStackTrace\\s*\\(");

    @Test
    void noBundlePrintsToStdoutOrStderr() throws IOException {
        // Surefire runs in the module folder: bundles/platform.
        Path bundles = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isDirectory(bundles.resolve("platform/src/main/java")), "bundles folder found: " + bundles);
        List<Path> sources;
        try (Stream<Path> files = Files.walk(bundles)) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> bundles.relativize(f).toString().replace('\\', '/').matches("[^/]+/src/main/java/.*"))
                    .toList();
        }
        assertTrue(sources.size() > 100, "main sources of every bundle scanned: " + sources.size());
        List<String> offences = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (FORBIDDEN.matcher(lines.get(i)).find()) {
                    offences.add(bundles.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertEquals(List.of(), offences, "use SLF4J, or the shell session's console in commands");
    }

    @Test
    void thePatternCatchesEachForm() {
        for (String line : List.of("System.out.println(x);", "System.err.print(x);", "e.printStackTrace();",
                "System .out.printf(\"%s\", x);")) {
            assertTrue(FORBIDDEN.matcher(line).find(), line);
        }
        assertTrue(!FORBIDDEN.matcher("LOG.info(\"System output\");").find());
    }
}
