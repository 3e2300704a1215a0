package org.oko.platform.internal;

import java.io.IOException;
import java.util.Map;

import org.oko.platform.api.PlatformSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the settings of {@code etc/org.oko.platform.cfg} and hands the port and the database
 * (an embedded Derby folder or a PostgreSQL server) on to Pax Web and pax-jdbc-config through ConfigurationAdmin.
 * Those two configurations are the platform's: when anything else changes them, it puts its values back. FileInstall
 * writes a configuration back to its file by creating the file empty and then filling it, and its watcher may read
 * the empty file in between (FELIX-6515): a first start on PostgreSQL once lost its data source's driver that way and
 * never came up.
 */
@Component(configurationPid = PlatformSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PlatformConfig.class)
public class PlatformSettingsComponent implements PlatformSettings, ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformSettingsComponent.class);

    @Reference
    private ConfigurationAdmin configurationAdmin;

    private volatile int httpPort;
    private volatile String databaseLocation;
    private volatile boolean embedded = true;
    /** How long a node keeps a computed value on a database server that other nodes write too. */
    static final java.time.Duration SHARED_CACHE_AGE = java.time.Duration.ofSeconds(30);
    private volatile boolean demoData;
    /** The settings last applied: what the listener puts back. */
    private volatile PlatformConfig config;
    private String version;
    private String karafHome;
    private String karafData;

    @Activate
    void activate(BundleContext context, PlatformConfig config) throws IOException {
        version = Versions.of(context.getBundle());
        karafHome = context.getProperty("karaf.home");
        karafData = context.getProperty("karaf.data");
        apply(config);
    }

    @Modified
    void modified(PlatformConfig config) throws IOException {
        apply(config);
    }

    private synchronized void apply(PlatformConfig config) throws IOException {
        httpPort = config.http_port();
        demoData = config.demo_data();
        String url = config.db_url() == null ? "" : config.db_url().trim();
        embedded = url.isEmpty();
        if (embedded) {
            databaseLocation = InfrastructureConfig.resolveDatabaseLocation(config.db_location(), karafHome, karafData);
            org.oko.platform.api.cache.Kept.capAge(org.oko.platform.api.cache.Kept.UNTIL_CHANGED); // one node: tokens suffice
        } else {
            databaseLocation = url;
            // Other nodes may write the same database: what this node keeps computed is read again within the cap.
            org.oko.platform.api.cache.Kept.capAge(SHARED_CACHE_AGE);
        }
        this.config = config;
        handOn(config);
        LOG.info("OKO {}: HTTP port {}, database {}, demo data {}", version, httpPort, databaseLocation,
                demoData ? "on" : "off");
    }

    /** Pax Web's port and pax-jdbc's data source as the settings say, each updated only where it differs. */
    private synchronized void handOn(PlatformConfig config) throws IOException {
        Configuration web = configurationAdmin.getConfiguration(InfrastructureConfig.PAX_WEB_PID, null);
        update(web, Map.of(InfrastructureConfig.PAX_WEB_PORT, String.valueOf(config.http_port())));
        Configuration dataSource = dataSourceConfiguration();
        if (embedded) {
            if (!InfrastructureConfig.sameDerbyUrl(dataSource.getProperties(), databaseLocation)) {
                replace(dataSource, InfrastructureConfig.dataSourceProperties(databaseLocation));
            }
        } else {
            replace(dataSource, InfrastructureConfig.serverDataSourceProperties(config.db_url().trim(), config.db_user(),
                    config.db_password(), config.db_pool_size()));
        }
    }

    /** Puts the platform's values back into Pax Web's or the data source's configuration when something else changed it. */
    @Override
    public void configurationEvent(ConfigurationEvent event) {
        PlatformConfig applied = config;
        boolean ours = InfrastructureConfig.PAX_WEB_PID.equals(event.getPid())
                || InfrastructureConfig.DATASOURCE_FACTORY_PID.equals(event.getFactoryPid());
        if (applied == null || event.getType() != ConfigurationEvent.CM_UPDATED || !ours) {
            return;
        }
        try {
            handOn(applied); // nothing when the change was this component's own
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not put the platform's settings back into {}", event.getPid(), e);
        }
    }

    /**
     * The "oko" data source configuration: the one FileInstall made of etc/org.ops4j.datasource-oko.cfg,
     * or a new one when that file was removed.
     */
    private Configuration dataSourceConfiguration() throws IOException {
        try {
            Configuration[] existing = configurationAdmin.listConfigurations("(&(service.factoryPid="
                    + InfrastructureConfig.DATASOURCE_FACTORY_PID + ")(|(dataSourceName=" + InfrastructureConfig.POOL_NAME
                    + ")(dataSourceName=" + InfrastructureConfig.DATASOURCE_NAME + ")))");
            if (existing != null && existing.length > 0) {
                return existing[0];
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return configurationAdmin.getFactoryConfiguration(
                InfrastructureConfig.DATASOURCE_FACTORY_PID, InfrastructureConfig.DATASOURCE_NAME, "?");
    }

    private static void update(Configuration configuration, Map<String, String> wanted) throws IOException {
        var updated = InfrastructureConfig.withValues(configuration.getProperties(), wanted);
        if (updated != null) {
            LOG.info("Updating configuration {} with {}", configuration.getPid(), wanted);
            configuration.update(updated);
        }
    }

    private static void replace(Configuration configuration, Map<String, String> wanted) throws IOException {
        var updated = InfrastructureConfig.replacing(configuration.getProperties(), wanted);
        if (updated != null) {
            Map<String, String> shown = new java.util.TreeMap<>(wanted);
            shown.computeIfPresent("password", (k, v) -> "****");
            LOG.info("Updating configuration {} with {}", configuration.getPid(), shown);
            configuration.update(updated);
        }
    }

    @Override
    public boolean embeddedDatabase() {
        return embedded;
    }

    @Override
    public int httpPort() {
        return httpPort;
    }

    @Override
    public String databaseLocation() {
        return databaseLocation;
    }

    @Override
    public boolean demoData() {
        return demoData;
    }

    @Override
    public String version() {
        return version;
    }
}
