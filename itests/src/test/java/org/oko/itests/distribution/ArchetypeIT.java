package org.oko.itests.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.CoreWatch;
import org.oko.itests.support.OkoContainerTest;
import org.oko.itests.support.TestFiles;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The archetype as a region's developer uses it: a module generated and built by Maven (offline, from
 * what the outer build put into its local repository), uploaded into the running OKO, its import,
 * aggregate and screen working, removed with its table kept, and installed again finding its data —
 * the core untouched throughout. The generated module's own Pax Exam test ran in the archetype's
 * build already, so it is skipped here.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ArchetypeIT extends OkoContainerTest {

    private static final String BSN = "org.example.oko.probe";
    private static final String API = "/api/probe";

    @Inject
    private BundleContext context;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=oko)", timeout = 30_000)
    private DataSource dataSource;

    private final List<CoreWatch> watches = new ArrayList<>();

    @After
    public void removeTheModule() throws Exception {
        watches.forEach(CoreWatch::close);
        // The rest of the suite (the authorisation matrix above all) must not meet its endpoints.
        send("DELETE", "/api/modules/" + BSN, "application/json", new byte[0]);
        send("DELETE", "/api/module-repositories?url=" + java.net.URLEncoder.encode(BASE_URL + "/api/module-repositories/published/",
                StandardCharsets.UTF_8), "application/json", new byte[0]);
    }

    @Test
    public void generatedBuiltInstalledRemovedWithItsDataAndInstalledAgain() throws Exception {
        long begun = System.currentTimeMillis();
        Path project = generateAndBuild();
        Path jar = project.resolve("target/oko-probe-1.0.0.jar");
        assertTrue("the KAR a module repository publishes", Files.isRegularFile(project.resolve("target/oko-probe-1.0.0-module.kar")));
        long built = System.currentTimeMillis();

        organisations("AR", "Район архетипа",
                "ARA;Муниципальный орган управления образованием;Управление архетипа;AR;;;",
                "AR1;;Школа архетипа 1;AR;Муниципальная;ARA;Городская",
                "AR2;;Школа архетипа 2;AR;Муниципальная;ARA;Сельская");
        CoreWatch core = CoreWatch.start(context);
        watches.add(core);
        install(jar);
        core.assertUntouched("uploading the generated module");

        JsonNode job = importResults("Код ОО;Код участника;Балл\nAR1;00001;80\nAR1;00002;30\nAR2;00001;50\n");
        assertEquals(job.toString(), "DONE", job.get("state").asText());
        assertEquals(3, job.get("results").asInt());
        assertSummary();
        assertTrue("the screen is in the menu", get("/api/ui/extensions").body().contains("/ext/" + BSN + "/probe.js"));
        assertEquals(200, get("/ext/" + BSN + "/probe.js").statusCode());

        assertEquals(204, send("DELETE", "/api/modules/" + BSN, "application/json", new byte[0]).statusCode());
        core.assertUntouchedBesidesModuleRefreshes("removing the generated module", 1);
        waitFor(API + "/specs", 404);
        assertEquals("the screen went with the module", false, get("/api/ui/extensions").body().contains("/ext/" + BSN + "/"));
        assertEquals("its table and rows are kept", 3, rows());

        // Installed again as another region would: its KAR published into this OKO's module repository
        // and installed from there by URL (docs/modules.md, "Module repositories").
        installFromRepository(project.resolve("target/oko-probe-1.0.0-module.kar"));
        core.assertUntouched("installing the generated module from a module repository");
        assertSummary();
        JsonNode steps = JSON.readTree(get("/api/module-repositories/steps?module=" + BSN).body());
        assertEquals("its table came from its upgrade step, run once: " + steps, 1, steps.size());
        assertEquals("001-results.sql", steps.get(0).get("name").asText());
        System.out.printf("ArchetypeIT: generated and built in %d ms, the runtime steps in %d ms%n", built - begun,
                System.currentTimeMillis() - built);
    }

    private void install(Path jar) throws Exception {
        HttpResponse<String> installed = send("POST", "/api/modules", "application/java-archive", Files.readAllBytes(jar));
        assertEquals(installed.body(), 201, installed.statusCode());
        waitFor(API + "/specs", 200);
    }

    private void installFromRepository(Path kar) throws Exception {
        HttpResponse<String> published = send("POST", "/api/module-repositories/published", "application/octet-stream",
                Files.readAllBytes(kar));
        assertEquals(published.body(), 201, published.statusCode());
        String repository = BASE_URL + "/api/module-repositories/published/";
        HttpResponse<String> added = sendJson("POST", "/api/module-repositories", java.util.Map.of("url", repository));
        assertEquals(added.body(), 201, added.statusCode());
        HttpResponse<String> installed = sendJson("POST", "/api/module-repositories/install",
                java.util.Map.of("repository", repository, "feature", "oko-probe", "version", "1.0.0"));
        assertEquals(installed.body(), 201, installed.statusCode());
        assertEquals("install", JSON.readTree(installed.body()).get("action").asText());
        waitFor(API + "/specs", 200);
    }

    private JsonNode importResults(String csv) throws Exception {
        HttpResponse<String> started = send("POST", API + "/imports?spec=2026&name=results.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(started.body(), 202, started.statusCode());
        String path = API + "/imports/" + JSON.readTree(started.body()).get("id").asLong();
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode job = JSON.readTree(get(path).body());
        while (job.get("finished").isNull() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            job = JSON.readTree(get(path).body());
        }
        return job;
    }

    /** AR1: 80 and 30 (one passed at 40), AR2: 50; the region has other results only if another test left some. */
    private void assertSummary() throws Exception {
        HttpResponse<String> answer = get(API + "/specs/2026/summary?school=AR1");
        assertEquals(answer.body(), 200, answer.statusCode());
        JsonNode summary = JSON.readTree(answer.body());
        assertEquals(summary.toString(), 2, summary.get("school").get("participants").asInt());
        assertEquals(55.0, summary.get("school").get("mean").asDouble(), 0.0);
        assertEquals(50.0, summary.get("school").get("passedPercent").asDouble(), 0.0);
        assertEquals("AR", summary.get("territory").get("code").asText());
        assertEquals(3, summary.get("territory").get("participants").asInt());
        assertEquals(66.7, summary.get("territory").get("passedPercent").asDouble(), 0.0);
    }

    private int rows() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM PROBE_RESULT WHERE SPEC_KEY = '2026'")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** {@code mvn archetype:generate}, then {@code mvn package}, both offline on the outer build's local repository. */
    private static Path generateAndBuild() throws Exception {
        Path work = Path.of(System.getProperty("oko.archetype.work"));
        TestFiles.deleteTree(work);
        Files.createDirectories(work);
        maven(work, "org.apache.maven.plugins:maven-archetype-plugin:3.2.1:generate", "-DarchetypeCatalog=local",
                "-DarchetypeGroupId=org.oko", "-DarchetypeArtifactId=oko-module-archetype",
                "-DarchetypeVersion=" + System.getProperty("oko.version"), "-DgroupId=org.example.oko", "-DartifactId=oko-probe",
                "-Dversion=1.0.0", "-Dpackage=" + BSN, "-DmoduleId=probe", "-DmoduleTitle=Probe");
        Path project = work.resolve("oko-probe");
        maven(project, "package", "-DskipITs");
        return project;
    }

    private static void maven(Path dir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("oko.maven.home") + "/bin/mvn", "-o", "-B",
                "-Dmaven.repo.local=" + System.getProperty("oko.maven.repo.local")));
        command.addAll(List.of(arguments));
        File log = dir.resolve("maven-" + System.nanoTime() + ".log").toFile();
        Process maven = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        boolean ended = maven.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            maven.destroyForcibly();
        }
        String output = Files.readString(log.toPath());
        assertTrue(String.join(" ", command) + " failed:\n" + output.substring(Math.max(0, output.length() - 6000)),
                ended && maven.exitValue() == 0);
    }
}
