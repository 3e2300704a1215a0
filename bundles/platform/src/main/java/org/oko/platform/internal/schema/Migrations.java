package org.oko.platform.internal.schema;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.oko.platform.api.ModuleProblems;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ui.LoggerUIService;

/**
 * The extender of bundles' schema changes, and the gate of the {@code oko} data source.
 *
 * <p>pax-jdbc registers the configured database as {@value #POOL}; this component runs the Liquibase change log of
 * every started bundle that has one ({@link ChangeLogs}) and only then registers that same data source as
 * {@code oko}, the one every persistence unit and store selects. So nothing reads a table before the schema is
 * current, at boot and after a switch of database. A bundle starting later (a module installed at runtime)
 * is migrated in the tracker's synchronous call on STARTING, before its components activate. Liquibase's lock table
 * keeps two nodes from migrating at once; its history ({@code DATABASECHANGELOG}) is the one record of what ran,
 * on Derby and PostgreSQL alike (docs/platform.md, "Schema").
 */
@Component(service = {Migrations.class, ModuleProblems.class}, immediate = true)
public class Migrations implements ModuleProblems {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** The name pax-jdbc registers the configured database under; only this component uses it. */
    public static final String POOL = "oko.pool";
    private static final String NAME = "oko";

    @Reference(target = "(osgi.jndi.service.name=" + POOL + ")")
    private DataSource pool;

    private final Map<Long, String> failures = new ConcurrentHashMap<>();
    private SchemaDigests digests;
    private BundleTracker<Bundle> tracker;
    private ServiceRegistration<DataSource> registration;

    /** One change set as the history records it: its id (a SQL step's file name), author, comment, when, how (EXECUTED, MARK_RAN). */
    public record Applied(String module, String name, String author, String comment, Instant appliedAt, String kind) {
    }

    @Activate
    void activate(BundleContext context) {
        digests = new SchemaDigests(pool);
        migrate(context.getBundle());
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                if (bundle.getBundleId() != context.getBundle().getBundleId()) {
                    migrate(bundle);
                }
                return bundle;
            }
        };
        tracker.open();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jndi.service.name", NAME);
        properties.put("dataSourceName", NAME);
        registration = context.registerService(DataSource.class, pool, properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        tracker.close();
    }

    @Override
    public List<String> problemsOf(long bundleId) {
        String failure = failures.get(bundleId);
        return failure == null ? List.of() : List.of(failure);
    }

    /** The change sets that ran for a module (bundle symbolic name), in the order they ran. */
    public List<Applied> applied(String module) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT ID, AUTHOR, COMMENTS, DATEEXECUTED, EXECTYPE FROM"
                     + " DATABASECHANGELOG WHERE FILENAME LIKE ? ORDER BY ORDEREXECUTED")) {
            s.setString(1, module.replace("%", "") + "/%");
            List<Applied> applied = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    applied.add(new Applied(module, r.getString(1), r.getString(2), r.getString(3),
                            r.getTimestamp(4).toInstant(), r.getString(5)));
                }
            }
            return applied;
        }
    }

    /** One bundle at a time here: Liquibase's lock would make a second one wait ten seconds between looks. */
    synchronized void migrate(Bundle bundle) {
        failures.remove(bundle.getBundleId());
        List<String> steps = ChangeLogs.steps(bundle);
        boolean changeLog = ChangeLogs.hasChangeLog(bundle);
        if (!changeLog && steps.isEmpty()) {
            return;
        }
        Map<String, String> generated = new HashMap<>();
        if (!steps.isEmpty()) {
            generated.put(BundleResources.path(bundle, ChangeLogs.STEPS_CHANGELOG), ChangeLogs.stepsChangeLog(bundle, steps));
        }
        String digest = SchemaDigests.of(bundle, generated);
        if (digests.current(bundle, digest)) {
            return;
        }
        BundleResources resources = new BundleResources(bundle, generated);
        long started = System.nanoTime();
        try {
            boolean checked = true;
            if (changeLog) {
                checked = update(resources, BundleResources.path(bundle, ChangeLogs.CHANGELOG));
            }
            if (!steps.isEmpty()) {
                checked &= update(resources, BundleResources.path(bundle, ChangeLogs.STEPS_CHANGELOG));
            }
            if (checked) {
                digests.record(bundle, digest);
                LOG.info("Schema changes of {} {} checked by Liquibase in {} ms", bundle.getSymbolicName(), bundle.getVersion(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (Exception e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            failures.put(bundle.getBundleId(), TEXTS.text("schema.failed", bundle.getSymbolicName(), reason).joined());
            LOG.error("Schema changes of {} {} not applied: {}", bundle.getSymbolicName(), bundle.getVersion(), reason, e);
        }
    }

    /**
     * What every change log may use where Derby and PostgreSQL differ: {@code ${oko.tables} = 'NAME'} counts the
     * tables of that name in the current schema (Liquibase's own tableExists does not see Derby's tables here),
     * {@code ${oko.boolean}} and {@code ${oko.false}} are the column type and default EclipseLink gives a Java boolean,
     * {@code ${oko.blob}} the type of bytes (Liquibase would make a BLOB a large-object OID on PostgreSQL, which neither
     * EclipseLink nor the stores read as bytes).
     */
    public static Map<String, String> parameters(boolean derby) {
        return derby
                ? Map.of("oko.tables", "SELECT COUNT(*) FROM SYS.SYSTABLES T JOIN SYS.SYSSCHEMAS S ON T.SCHEMAID = S.SCHEMAID"
                                + " WHERE S.SCHEMANAME = CURRENT SCHEMA AND T.TABLENAME",
                        "oko.boolean", "SMALLINT", "oko.false", "0", "oko.blob", "BLOB")
                : Map.of("oko.tables", "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                                + " AND UPPER(table_name)",
                        "oko.boolean", "BOOLEAN", "oko.false", "false", "oko.blob", "BYTEA");
    }

    /** Runs one change log; false where it was not checked (a read-only database). */
    private boolean update(BundleResources resources, String changeLog) throws Exception {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), resources);
        // Liquibase finds its own services and schemas through its bundle's class loader.
        scope.put(Scope.Attr.classLoader.name(), Liquibase.class.getClassLoader());
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        // No calls home from a regional server (Liquibase 4.30+ sends usage data unless told not to).
        scope.put("liquibase.analytics.enabled", Boolean.FALSE);
        scope.put("liquibase.showBanner", Boolean.FALSE);
        return Scope.child(scope, () -> {
            try (Connection connection = pool.getConnection()) {
                if (connection.getMetaData().isReadOnly()) {
                    // Derby opens a database on a read-only disk read-only: it still serves reading (StorageGuard says
                    // why saving pauses), and a schema that needs a change waits for the disk to be fixed.
                    LOG.warn("The database is read-only: schema changes of {} not checked", changeLog);
                    return false;
                }
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                Liquibase liquibase = new Liquibase(changeLog, resources, database);
                parameters(database instanceof DerbyDatabase).forEach(liquibase::setChangeLogParameter);
                if (database instanceof DerbyDatabase) {
                    // Embedded Derby has one node: a lock left by a killed start is this node's own.
                    liquibase.forceReleaseLocks();
                }
                try {
                    liquibase.update(new Contexts(), new LabelExpression());
                } finally {
                    // Liquibase commits what it changed, but leaves its last read open; Derby will not close a
                    // connection inside a transaction.
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                }
                return true;
            }
        });
    }
}
