package org.oko.catalog.internal;

import org.oko.catalog.internal.demo.DemoRegion;
import org.oko.platform.api.PlatformSettings;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the synthetic demo region into an empty catalog when demo data is switched on
 * ({@code demo.data} in etc/org.oko.platform.cfg). A catalog with territories is never touched.
 */
@Component(immediate = true)
public class DemoCatalogLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalogLoader.class);

    @Reference
    private PlatformSettings settings;

    @Reference
    private CatalogStore store;

    @Activate
    void activate() {
        CallerContext.runAs(Caller.SYSTEM, this::load);
    }

    private void load() {
        if (!settings.demoData() || !store.territories().isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        DemoRegion demo = DemoRegion.generate();
        demo.territories().forEach(store::saveTerritory);
        store.saveAll(demo.organisations());
        LOG.info("Demo region loaded: {} territories, {} organisations in {} ms", demo.territories().size(),
                demo.organisations().size(), (System.nanoTime() - started) / 1_000_000);
    }
}
