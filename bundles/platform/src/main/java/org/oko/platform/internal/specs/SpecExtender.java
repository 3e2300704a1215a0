package org.oko.platform.internal.specs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

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
 * The extender of shipped specs: every {@code OKO-INF/specs/<kind>/*.json} of a starting bundle is
 * handed to {@link SpecsImpl}. A bundle that stops keeps its specs: results were computed against them.
 */
@Component
public class SpecExtender {

    private static final Logger LOG = LoggerFactory.getLogger(SpecExtender.class);
    static final String FOLDER = "OKO-INF/specs";
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    @Reference
    private SpecsImpl specs;

    private BundleTracker<Bundle> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                read(bundle);
                return bundle;
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    private void read(Bundle bundle) {
        Enumeration<URL> files = bundle.findEntries(FOLDER, "*.json", true);
        for (URL url : files == null ? Collections.<URL>emptyList() : Collections.list(files)) {
            String path = url.getPath();
            String[] parts = path.substring(path.indexOf(FOLDER) + FOLDER.length() + 1).split("/");
            if (parts.length != 2) {
                LOG.warn("{} of bundle {}: specs go into {}/<kind>/<name>.json", path, bundle.getSymbolicName(), FOLDER);
                continue;
            }
            try (InputStream in = url.openStream()) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    LOG.warn("{} of bundle {} is larger than 4 MB: not read", path, bundle.getSymbolicName());
                    continue;
                }
                specs.ship(new SpecsImpl.Shipped(bundle.getSymbolicName(), path, parts[0], new String(bytes, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                LOG.warn("{} of bundle {} not read: {}", path, bundle.getSymbolicName(), e.toString());
            }
        }
    }
}
