package org.oko.demo.internal.catalog;

import org.oko.catalog.api.CatalogService;
import org.oko.demo.internal.Catalogs;
import org.oko.demo.internal.RegionReady;
import org.oko.demo.internal.Worker;
import org.oko.platform.api.PlatformSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the synthetic demo region into an empty catalog when demo data is switched on
 * ({@code demo.data} in etc/org.oko.platform.cfg), through the catalog's API in one transaction, on
 * its own thread; health says STARTING meanwhile. A catalog with territories is never touched. Then,
 * or at once when the catalog has its region already, it registers {@link RegionReady}, which starts
 * the loaders that need the region.
 */
@Component(service = {}, immediate = true)
public class CatalogLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogLoader.class);

    @Reference
    private PlatformSettings settings;

    @Reference
    private CatalogService catalog;

    private final Worker worker = new Worker("oko-demo-catalog");
    private volatile BundleContext context;
    private volatile ServiceRegistration<RegionReady> ready;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        if (settings.demoData()) {
            worker.submit(this::load, context, "demo region");
        }
    }

    @Deactivate
    void deactivate() {
        worker.stop();
        ServiceRegistration<RegionReady> registration = ready;
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // the bundle is stopping: its services are gone already
            }
        }
    }

    private void load() throws Exception {
        if (!Catalogs.loaded(catalog)) {
            long started = System.nanoTime();
            DemoRegion demo = DemoRegion.generate();
            catalog.saveAll(demo.territories(), demo.organisations(), DemoContacts.of(demo.organisations()));
            LOG.info("Demo region loaded: {} territories, {} organisations in {} ms", demo.territories().size(),
                    demo.organisations().size(), (System.nanoTime() - started) / 1_000_000);
        } else if (catalog.allContacts().isEmpty()) {
            addContacts();
        }
        if (!worker.stopping()) {
            String region = catalog.region().code();
            ready = context.registerService(RegionReady.class, () -> region, null);
        }
    }

    /**
     * A demo region loaded before the catalog kept contacts gets its schools' contacts once: only when the catalog
     * holds the demo region (its ministry as generated), and only for the schools it has.
     */
    private void addContacts() throws Exception {
        DemoRegion demo = DemoRegion.generate();
        String ministry = demo.organisations().stream().filter(o -> o.code().equals(DemoRegion.MINISTRY_CODE))
                .map(org.oko.catalog.api.Organisation::fullName).findFirst().orElse(null);
        if (ministry == null || !catalog.organisation(DemoRegion.MINISTRY_CODE).map(o -> ministry.equals(o.fullName())).orElse(false)) {
            return;
        }
        java.util.Map<String, org.oko.catalog.api.Contacts> contacts = new java.util.HashMap<>(DemoContacts.of(demo.organisations()));
        contacts.keySet().retainAll(catalog.regionSchools().keySet());
        catalog.saveAll(java.util.List.of(), java.util.List.of(), contacts);
        LOG.info("Demo contacts added to {} schools", contacts.size());
    }
}
