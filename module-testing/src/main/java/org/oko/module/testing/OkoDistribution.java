package org.oko.module.testing;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * The Pax Exam options that boot the built OKO distribution as a customer's server runs it: from its
 * own {@code system/} and Pax Exam's {@code exam} feature only (never a user's Maven repository), on
 * test ports so that a running OKO on the machine is not disturbed. The paths come from the build's
 * system properties {@code oko.distribution}, {@code oko.exam.repository}, {@code oko.work} and
 * {@code karaf.version} (oko-module-parent and itests set them).
 */
public final class OkoDistribution {

    public static final int HTTP_PORT = 18181;
    public static final String BASE_URL = "http://localhost:" + HTTP_PORT;

    private OkoDistribution() {
    }

    /** The folder the distribution is unpacked into, one sub-folder per run (kept for post-mortems). */
    public static File unpackDirectory() {
        return new File(System.getProperty("oko.work", "target/it"), "exam");
    }

    public static Option[] options() {
        String karaf = required("karaf.version");
        java.util.List<Option> options = new java.util.ArrayList<>(java.util.List.of(
            karafDistributionConfiguration()
                    .frameworkUrl(new File(required("oko.distribution")).toURI().toString())
                    .name("OKO")
                    .unpackDirectory(unpackDirectory())
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.oko.platform.cfg", "http.port", String.valueOf(HTTP_PORT)),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(HTTP_PORT)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "18101"),
            // Tests log in from 127.0.0.1 over and over; the limit against password spraying would add them up.
            editConfigurationFilePut("etc/org.oko.users.cfg", "address.failures", "500"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "11099"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "44445"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                    "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, "
                            + "${karaf.data.uri}kar@id=kar.repository@multi@snapshots, "
                            + new File(required("oko.exam.repository")).toURI() + "@id=exam.repository"),
            // The probe's extender waits this long for Pax Exam's JUnit invoker, which the same feature deployment as
            // OKO's installs late; at its default, 10 s, a slow start once left the probe without its service and the
            // suite waiting for ever.
            systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000"),
            // bin/karaf patches java.base with Karaf's spec locator; Pax Exam's own command line does not.
            vmOptions("--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar",
                    "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar",
                    "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED")));
        // On a PostgreSQL server when the build names one (TestDatabase): a new database for this container.
        TestDatabase.freshSettings().ifPresent(settings -> settings.forEach((key, value) ->
                options.add(editConfigurationFilePut("etc/org.oko.platform.cfg", key, value))));
        return options.toArray(Option[]::new);
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (oko-module-parent sets it for failsafe)");
        }
        return value;
    }
}
