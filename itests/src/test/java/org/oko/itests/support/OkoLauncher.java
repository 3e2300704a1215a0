package org.oko.itests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The README's {@code ./oko} launcher run as a real process on an installation folder of a test's own. */
public final class OkoLauncher {

    public record Result(int exitCode, String output) {
    }

    private final Path launcher = Path.of(System.getProperty("oko.launcher", "../oko")).toAbsolutePath().normalize();
    private final Path distribution = Path.of(System.getProperty("oko.distribution"));
    private final Path home;
    private final Map<String, String> environment = new LinkedHashMap<>();

    public OkoLauncher(String folder) {
        home = Path.of(System.getProperty("oko.work", "target/it"), folder).toAbsolutePath();
    }

    /**
     * Waits for the demo campaign loader's last line in karaf.log (it fills every form the analytics read, after the
     * region is ready) and answers its year.
     */
    public int demoCampaignYear() throws IOException, InterruptedException {
        Path log = home().resolve("data/log/karaf.log");
        java.util.regex.Pattern loaded = java.util.regex.Pattern.compile("Demo campaign miac-(\\d{4}) loaded: (\\d+) submissions .* in (\\d+) ms");
        long deadline = System.currentTimeMillis() + 300_000;
        while (true) {
            java.util.regex.Matcher found = loaded.matcher(Files.readString(log, java.nio.charset.StandardCharsets.UTF_8));
            if (found.find()) {
                System.out.println("Demo campaign loaded: " + found.group(2) + " submissions in " + found.group(3) + " ms");
                return Integer.parseInt(found.group(1));
            }
            org.junit.jupiter.api.Assertions.assertTrue(System.currentTimeMillis() < deadline, "the demo campaign not loaded within 300 s");
            Thread.sleep(2000);
        }
    }

    public Path home() {
        return home;
    }

    /** An environment variable for every later command (e.g. EXTRA_JAVA_OPTS for the Karaf JVM). */
    public OkoLauncher with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    public Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(arguments));
        // Output to a file, not a pipe: the Karaf started in the background may inherit it.
        Path output = Files.createTempFile("oko", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("OKO_HOME", home.toString());
        builder.environment().put("OKO_DIST", distribution.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        String text = Files.readString(output);
        Files.delete(output);
        return new Result(process.exitValue(), text);
    }

    /**
     * Starts the launcher without waiting, as a terminal would run it in the foreground: in a
     * process group of its own (setsid), so that a test can send the group Ctrl-C's SIGINT. The
     * returned process's pid is the group id; its output goes to {@code output}.
     */
    public Process spawn(Path output, String... arguments) throws IOException {
        // As in a terminal, SIGINT is not ignored: a test JVM started in the background (nohup, a CI's
        // runner) hands an ignored SIGINT down, and bash cannot trap a signal ignored when it started.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", "setsid", "bash", launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("OKO_HOME", home.toString());
        builder.environment().put("OKO_DIST", distribution.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * A new installation on its own console and JMX ports: the folder deleted, {@code ./oko install} with
     * these options (e.g. {@code --no-demo}), exit code 0 asserted.
     */
    public void installFresh(int ssh, int rmiRegistry, int rmiServer, String... options) throws IOException, InterruptedException {
        deleteHome();
        List<String> arguments = new ArrayList<>(List.of("install"));
        arguments.addAll(List.of(options));
        Result install = run(arguments.toArray(String[]::new));
        assertEquals(0, install.exitCode(), install.output());
        isolatePorts(ssh, rmiRegistry, rmiServer);
        useTestDatabase();
    }

    /**
     * On a PostgreSQL server when the build names one (TestDatabase), a new database there for this installation,
     * written into its settings; nothing on Derby. Returns the database's URL, or null on Derby.
     */
    public String useTestDatabase() throws IOException {
        var settings = org.oko.module.testing.TestDatabase.freshSettings();
        if (settings.isEmpty()) {
            return null;
        }
        useDatabase(settings.get());
        return settings.get().get("db.url");
    }

    /** Points the installation at a database server: {@code db.url}, {@code db.user}, {@code db.password}. */
    public void useDatabase(Map<String, String> settings) throws IOException {
        Path file = home.resolve("etc/org.oko.platform.cfg");
        String text = Files.readString(file);
        for (var setting : settings.entrySet()) {
            String line = "(?m)^" + java.util.regex.Pattern.quote(setting.getKey()) + "\\s*=.*$";
            assertTrue(java.util.regex.Pattern.compile(line).matcher(text).find(), setting.getKey() + " in " + file);
            text = text.replaceAll(line, java.util.regex.Matcher.quoteReplacement(setting.getKey() + " = " + setting.getValue()));
        }
        Files.writeString(file, text);
    }

    /** {@code ./oko start --port http} with these options, exit code 0 asserted: OKO is up when it returns. */
    public Result start(int http, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("start", "--port", String.valueOf(http)));
        arguments.addAll(List.of(options));
        Result start = run(arguments.toArray(String[]::new));
        assertEquals(0, start.exitCode(), start.output());
        return start;
    }

    /** Own console and JMX ports, so that a developer's running OKO or another test does not disturb this one. */
    public void isolatePorts(int ssh, int rmiRegistry, int rmiServer) throws IOException {
        replace(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = " + ssh);
        replace(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort = 1099", "rmiRegistryPort = " + rmiRegistry);
        replace(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort = 44444", "rmiServerPort = " + rmiServer);
    }

    public void deleteHome() throws IOException {
        TestFiles.deleteTree(home);
    }

    public static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from + " in " + file);
        Files.writeString(file, text.replace(from, to));
    }
}
