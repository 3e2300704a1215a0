package org.oko.itests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's distribution check ({@code karaf-assembly/src/build/DistributionCheck.java}) run as the
 * build runs it, on a small assembly of the test's own: it must name an artifact that only a feature
 * inside a conditional needs (what karaf-maven-plugin's assembly leaves out), and pass once it is there.
 */
class DistributionCheckTest {

    private static final String FEATURES = """
            <features name="t" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
              <feature name="core" version="1.0.0">
                <feature>base</feature>
                <bundle>mvn:org.test/core/1.0.0</bundle>
                <conditional>
                  <condition>shell</condition>
                  <feature version="1.0.0">core-commands</feature>
                </conditional>
              </feature>
              <feature name="base" version="1.0.0"><bundle>mvn:org.test/base/1.0.0</bundle></feature>
              <feature name="shell" version="1.0.0"><bundle>mvn:org.test/shell/1.0.0</bundle></feature>
              <feature name="core-commands" version="1.0.0"><bundle>mvn:org.test/core-commands/1.0.0</bundle></feature>
              <feature name="extra" version="2.0.0"><bundle>wrap:mvn:org.test/extra/2.0.0$Bundle-SymbolicName=extra</bundle></feature>
            </features>
            """;

    @TempDir
    Path assembly;

    @Test
    void namesWhatAConditionalFeatureNeedsAndPassesOnceItIsCarried() throws Exception {
        Files.createDirectories(assembly.resolve("etc"));
        Files.writeString(assembly.resolve("etc/org.apache.karaf.features.cfg"),
                "featuresRepositories = \\\n    mvn:org.test/t/1.0.0/xml/features\n\nfeaturesBoot = \\\n    (core), \\\n    shell/1.0.0\n");
        write("org/test/t/1.0.0/t-1.0.0-features.xml", FEATURES);
        for (String artifact : List.of("core", "base", "shell")) {
            write("org/test/" + artifact + "/1.0.0/" + artifact + "-1.0.0.jar", "jar");
        }

        Run missing = check("");
        assertEquals(1, missing.exitCode(), missing.output());
        assertTrue(missing.output().contains("system/ lacks mvn:org.test/core-commands/1.0.0 (needed by feature core-commands/1.0.0, "
                + "selected by feature core/1.0.0 when shell)"), missing.output());

        write("org/test/core-commands/1.0.0/core-commands-1.0.0.jar", "jar");
        Run carried = check("");
        assertEquals(0, carried.exitCode(), carried.output());
        assertTrue(carried.output().contains("4 artifacts of 4 features"), carried.output());

        // An offered feature is checked like a boot one; wrap: URLs are found under the URL they wrap.
        Run offered = check("ext*,nowhere");
        assertEquals(1, offered.exitCode(), offered.output());
        assertTrue(offered.output().contains("system/ lacks wrap:mvn:org.test/extra/2.0.0$Bundle-SymbolicName=extra"), offered.output());
        assertTrue(offered.output().contains("the offered feature nowhere is in none of the features repositories"), offered.output());
        write("org/test/extra/2.0.0/extra-2.0.0.jar", "jar");
        Run all = check("ext*");
        assertEquals(0, all.exitCode(), all.output());
    }

    @Test
    void aMissingFeaturesRepositoryIsNamed() throws Exception {
        Files.createDirectories(assembly.resolve("etc"));
        Files.writeString(assembly.resolve("etc/org.apache.karaf.features.cfg"),
                "featuresRepositories = mvn:org.test/gone/1.0.0/xml/features\nfeaturesBoot = core\n");
        Run run = check("");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("system/ lacks the features repository mvn:org.test/gone/1.0.0/xml/features"), run.output());
        assertTrue(run.output().contains("no feature core in the features repositories"), run.output());
    }

    private void write(String path, String content) throws IOException {
        Path file = assembly.resolve("system").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    record Run(int exitCode, String output) {
    }

    private Run check(String offered) throws Exception {
        Path script = Path.of(System.getProperty("oko.distribution.check", "../karaf-assembly/src/build/DistributionCheck.java"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), script.toString(), assembly.toString(), offered)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), output);
    }
}
