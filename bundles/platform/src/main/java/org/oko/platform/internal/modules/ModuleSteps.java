package org.oko.platform.internal.modules;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.oko.platform.api.ModuleInfo;
import org.oko.platform.api.ModuleProblems;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender of a module's declarative upgrade steps: the SQL files under {@value #FOLDER} of a
 * starting module (or their variant under {@code postgresql/} on PostgreSQL) run once each, in the
 * order of their names, before the module's components
 * activate (the tracker's listener is synchronous and sees STARTING). Each step and its record go
 * in one transaction, so a failed step leaves the data as it was and is tried again at the next
 * start; its reason is shown with the module. Steps only go forward: a rollback to an earlier
 * version keeps the data the newer steps left (docs/modules.md, "Upgrades and rollback").
 */
@Component(service = {ModuleSteps.class, ModuleProblems.class})
public class ModuleSteps implements ModuleProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleSteps.class);
    static final String FOLDER = "OKO-INF/upgrade";
    private static final int MAX_BYTES = 1024 * 1024;

    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    private final Map<Long, String> failures = new ConcurrentHashMap<>();
    private ModuleRecords records;
    private BundleTracker<Bundle> tracker;

    @Activate
    void activate(BundleContext context) {
        records = new ModuleRecords(dataSource);
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                apply(bundle);
                return bundle;
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public List<String> problemsOf(long bundleId) {
        String failure = failures.get(bundleId);
        return failure == null ? List.of() : List.of(failure);
    }

    /** The steps a module has had applied, oldest first. */
    public List<ModuleRecords.Step> applied(String module) throws SQLException {
        return records.steps(module);
    }

    void apply(Bundle bundle) {
        Object kind = bundle.getHeaders("").get(ModuleInfo.HEADER);
        if (kind == null || "core".equals(String.valueOf(kind).trim())) {
            return;
        }
        failures.remove(bundle.getBundleId());
        List<URL> files = files(bundle);
        if (files.isEmpty()) {
            return;
        }
        String module = bundle.getSymbolicName();
        try {
            List<String> done = records.steps(module).stream().map(ModuleRecords.Step::name).toList();
            String dialect = null;
            for (URL file : files) {
                String name = file.getPath().substring(file.getPath().lastIndexOf('/') + 1);
                if (done.contains(name)) {
                    continue;
                }
                if (dialect == null) {
                    dialect = dialect();
                }
                // SQL that Derby and PostgreSQL read alike is one file; where they differ (a BLOB is BYTEA there), the
                // module adds the PostgreSQL text under postgresql/ with the same name, recorded as the same step.
                URL variant = bundle.getEntry(FOLDER + "/" + dialect + "/" + name);
                String sql = read(variant != null ? variant : file);
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try {
                        for (String statement : statements(sql)) {
                            try (var s = connection.createStatement()) {
                                s.execute(statement);
                            }
                        }
                        records.stepDone(connection, module, name, bundle.getVersion().toString());
                        connection.commit();
                        LOG.info("Upgrade step {} of module {} {} applied", name, module, bundle.getVersion());
                    } catch (SQLException | RuntimeException failure) {
                        connection.rollback();
                        throw new StepFailure(name, failure);
                    }
                }
            }
        } catch (StepFailure failure) {
            failures.put(bundle.getBundleId(), TEXTS.text("module.step-failed", failure.step,
                    failure.getCause().getMessage()).joined());
            LOG.warn("Upgrade step {} of module {} failed: {}", failure.step, module, failure.getCause().toString());
        } catch (SQLException | IOException e) {
            failures.put(bundle.getBundleId(), TEXTS.text("module.steps-unread", e.getMessage()).joined());
            LOG.warn("Upgrade steps of module {} not read: {}", module, e.toString());
        }
    }

    /** The folder name of the database's own variants of a step: {@code postgresql} or {@code derby}. */
    private String dialect() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? "postgresql" : "derby";
        }
    }

    private static List<URL> files(Bundle bundle) {
        Enumeration<URL> found = bundle.findEntries(FOLDER, "*.sql", false);
        List<URL> files = found == null ? new ArrayList<>() : Collections.list(found);
        files.sort(Comparator.comparing(URL::getPath));
        return files;
    }

    private static String read(URL file) throws IOException {
        try (InputStream in = file.openStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(file.getPath() + " is larger than 1 MB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The statements of a step: separated by a semicolon that ends a line; lines starting with -- are comments. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static final class StepFailure extends RuntimeException {
        private final String step;

        StepFailure(String step, Exception cause) {
            super(cause);
            this.step = step;
        }
    }
}
