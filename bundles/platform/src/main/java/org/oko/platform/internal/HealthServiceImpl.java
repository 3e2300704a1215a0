package org.oko.platform.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.karaf.features.BootFinished;
import org.oko.platform.api.DatabaseHealth;
import org.oko.platform.api.Health;
import org.oko.platform.api.HealthService;
import org.oko.platform.api.ModuleInfo;
import org.oko.platform.api.ModuleProblems;
import org.oko.platform.api.StartupWork;
import org.oko.platform.api.PlatformSettings;
import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.StorageHealth;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Health of the installation. The database and the start history are optional references: when
 * the database is gone, health must still answer, and say so.
 */
@Component
public class HealthServiceImpl implements HealthService {

    @Reference
    private ServiceComponentRuntime scr;

    @Reference
    private PlatformSettings settings;

    @Reference
    private StorageGuard storageGuard;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(osgi.jndi.service.name=" + InfrastructureConfig.DATASOURCE_NAME + ")")
    private volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile StartHistory startHistory;

    /** Registered by Karaf once every boot feature is installed and started. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BootFinished bootFinished;

    /** Extenders' reports of refused module content (whiteboard). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<ModuleProblems> moduleProblems;

    /** Work of the start that health waits for (demo data being loaded); STARTING while any is registered. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<StartupWork> startupWork;

    private BundleContext context;
    private Instant startedAt;
    private volatile boolean databaseReadOnly;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        this.startedAt = Instant.now();
    }

    @Override
    public Health health() {
        StorageHealth storage = storageGuard.health();
        DatabaseHealth database = database();
        if (database.reachable() && storage.ok() && databaseReadOnly) {
            // Derby opened the database read-only at boot (its folder was read-only then); it stays so until a restart.
            storage = new StorageHealth(storage.folder(), storage.usableBytes(), storage.reserveBytes(), false,
                    StorageGuardImpl.Messages.readOnly());
        }
        List<ModuleInfo> modules = modules();
        Health.Status status = status(bootFinished != null && (startupWork == null || startupWork.isEmpty()), database.reachable(), storage.ok(),
                modules.stream().allMatch(ModuleInfo::healthy));
        return new Health(status, settings.version(), startedAt, settings.demoData(), database, modules, storage);
    }

    /** Modules first: READ_ONLY, like UP, tells the launcher and its users that OKO is ready to serve. */
    static Health.Status status(boolean booted, boolean databaseReachable, boolean storageOk, boolean modulesHealthy) {
        return !booted ? Health.Status.STARTING
                : !databaseReachable ? Health.Status.DOWN
                : !modulesHealthy ? Health.Status.DEGRADED
                : !storageOk ? Health.Status.READ_ONLY : Health.Status.UP;
    }

    private DatabaseHealth database() {
        String location = settings.databaseLocation();
        DataSource source = dataSource;
        if (source == null) {
            return new DatabaseHealth(false, null, location, 0, null,
                    "the data source '" + InfrastructureConfig.DATASOURCE_NAME + "' is not registered; see data/log/karaf.log");
        }
        String product;
        try (Connection connection = source.getConnection()) {
            if (!connection.isValid(2)) {
                return new DatabaseHealth(false, null, location, 0, null, "the connection is not valid");
            }
            DatabaseMetaData meta = connection.getMetaData();
            product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            databaseReadOnly = meta.isReadOnly();
        } catch (SQLException e) {
            return new DatabaseHealth(false, null, location, 0, null, e.getMessage());
        }
        StartHistory history = startHistory;
        if (history == null) {
            return new DatabaseHealth(true, product, location, 0, null, null);
        }
        return new DatabaseHealth(true, product, location, history.count(), history.first(), null);
    }

    private List<ModuleInfo> modules() {
        List<ModuleInfo> modules = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String kind = bundle.getHeaders("").get(ModuleInfo.HEADER);
            if (kind == null) {
                continue;
            }
            Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> components = new LinkedHashMap<>();
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                if (scr.isComponentEnabled(description)) {
                    components.put(description, List.copyOf(scr.getComponentConfigurationDTOs(description)));
                }
            }
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            List<String> reported = new ArrayList<>();
            List<ModuleProblems> sources = moduleProblems;
            if (sources != null) {
                sources.forEach(source -> reported.addAll(source.problemsOf(bundle.getBundleId())));
            }
            modules.add(ModuleInspector.inspect(bundle.getSymbolicName(),
                    bundle.getHeaders("").get(Constants.BUNDLE_NAME), Versions.of(bundle), kind,
                    bundle.getState(), fragment, components, reported));
        }
        modules.sort(Comparator.comparing(ModuleInfo::symbolicName));
        return modules;
    }
}
