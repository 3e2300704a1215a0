package org.oko.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

/** The data source and Pax Web's port are the platform's: another writer's change is put back, the platform's own is not repeated. */
class PlatformSettingsComponentTest {

    /** A configuration held in memory, counting its updates. */
    private static final class Held {
        final String pid;
        final String factoryPid;
        Dictionary<String, Object> properties;
        final AtomicInteger updates = new AtomicInteger();

        Held(String pid, String factoryPid) {
            this.pid = pid;
            this.factoryPid = factoryPid;
        }

        Configuration configuration() {
            return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getPid" -> pid;
                        case "getFactoryPid" -> factoryPid;
                        case "getProperties" -> properties;
                        case "update" -> {
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> given = (Dictionary<String, Object>) args[0];
                            properties = given;
                            updates.incrementAndGet();
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private final Held web = new Held(InfrastructureConfig.PAX_WEB_PID, null);
    private final Held dataSource = new Held(InfrastructureConfig.DATASOURCE_FACTORY_PID + "~oko", InfrastructureConfig.DATASOURCE_FACTORY_PID);

    private final ConfigurationAdmin configurationAdmin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getConfiguration" -> web.configuration();
                case "listConfigurations" -> new Configuration[] {dataSource.configuration()};
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** etc/org.oko.platform.cfg naming a PostgreSQL server. */
    private static PlatformConfig onServer() {
        return (PlatformConfig) Proxy.newProxyInstance(PlatformSettingsComponentTest.class.getClassLoader(), new Class<?>[] {PlatformConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "db_url" -> "jdbc:postgresql://127.0.0.1:5432/oko";
                    case "db_user" -> "oko";
                    case "db_password" -> "secret";
                    default -> method.getDefaultValue();
                });
    }

    private PlatformSettingsComponent settings() throws Exception {
        PlatformSettingsComponent settings = new PlatformSettingsComponent();
        Field admin = PlatformSettingsComponent.class.getDeclaredField("configurationAdmin");
        admin.setAccessible(true);
        admin.set(settings, configurationAdmin);
        settings.modified(onServer());
        return settings;
    }

    /** ConfigurationAdmin's reference, which an event must name. */
    @SuppressWarnings("unchecked")
    private static final org.osgi.framework.ServiceReference<ConfigurationAdmin> ADMIN = (org.osgi.framework.ServiceReference<ConfigurationAdmin>)
            Proxy.newProxyInstance(PlatformSettingsComponentTest.class.getClassLoader(), new Class<?>[] {org.osgi.framework.ServiceReference.class},
                    (proxy, method, args) -> null);

    private static ConfigurationEvent updated(Held held) {
        return new ConfigurationEvent(ADMIN, ConfigurationEvent.CM_UPDATED, held.factoryPid, held.pid);
    }

    @Test
    void aDataSourceEmptiedByAnotherWriterIsPutBack() throws Exception {
        PlatformSettingsComponent settings = settings();
        assertEquals("jdbc:postgresql://127.0.0.1:5432/oko", dataSource.properties.get("url"));
        assertNotNull(dataSource.properties.get("osgi.jdbc.driver.name"));
        dataSource.properties = new Hashtable<>(); // FileInstall read its own file while writing it (FELIX-6515)
        settings.configurationEvent(updated(dataSource));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/oko", dataSource.properties.get("url"));
        assertNotNull(dataSource.properties.get("osgi.jdbc.driver.name"), "pax-jdbc finds its driver again");
        web.properties = new Hashtable<>();
        settings.configurationEvent(updated(web));
        assertEquals("8181", web.properties.get(InfrastructureConfig.PAX_WEB_PORT));
    }

    @Test
    void thePlatformsOwnUpdateIsNotRepeated() throws Exception {
        PlatformSettingsComponent settings = settings();
        int before = dataSource.updates.get() + web.updates.get();
        settings.configurationEvent(updated(dataSource));
        settings.configurationEvent(updated(web));
        settings.configurationEvent(new ConfigurationEvent(ADMIN, ConfigurationEvent.CM_UPDATED, null, "org.oko.catalog"));
        assertEquals(before, dataSource.updates.get() + web.updates.get());
    }
}
