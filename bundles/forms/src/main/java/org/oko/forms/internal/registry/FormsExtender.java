package org.oko.forms.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender: every started bundle's {@code OKO-INF/forms/*.json} become live forms, and stop
 * being available when the bundle stops (openHAB's {@code OH-INF/}, Unomi's {@code META-INF/cxs/}).
 * A module needs no Java for this.
 */
@Component(service = {}) // no service: an immediate component that tracks bundles
public class FormsExtender implements BundleTrackerCustomizer<String> {

    /** Where a module keeps its form definitions. */
    public static final String FOLDER = "OKO-INF/forms";
    private static final Logger LOG = LoggerFactory.getLogger(FormsExtender.class);

    @Reference
    private FormRegistryImpl registry;

    private BundleTracker<String> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public String addingBundle(Bundle bundle, BundleEvent event) {
        Enumeration<URL> entries = bundle.findEntries(FOLDER, "*.json", false);
        if (entries == null) {
            return null;
        }
        String source = bundle.getSymbolicName();
        Map<String, String> files = new TreeMap<>();
        while (entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            String name = entry.getPath().substring(entry.getPath().lastIndexOf('/') + 1);
            try (InputStream in = entry.openStream()) {
                files.put(FOLDER + "/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.warn("Cannot read {} of {}", entry, source, e);
                files.put(FOLDER + "/" + name, "");
            }
        }
        registry.publish(source, bundle.getBundleId(), files);
        return source;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, String source) {
        // Content of a started bundle cannot change without a stop (and a new start).
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, String source) {
        registry.withdraw(source);
    }
}
