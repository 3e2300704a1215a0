package org.oko.cluster.internal;

import java.io.IOException;
import java.util.Dictionary;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a node that joins late catch up with the modules the group installed meanwhile.
 *
 * <p>When Cellar's features listener starts, Karaf replays to it every features repository and every installed feature
 * of this node, and Cellar 4.2.1 writes each repository's features into the group's state as <em>not installed</em>
 * and each of this node's features as installed — replay or not. A node coming back thus overwrote what the others
 * had installed while it was away, and its own pull of the group's state then found nothing to install.
 *
 * <p>So the listener is off ({@code feature.listener = false} in {@code org.apache.karaf.cellar.node}) while Cellar
 * starts on this node, and on once Cellar's features synchronizer is registered: by then the replay has passed and
 * the synchronizer has pulled the group's state (Cellar's activator does the three in that order). From then on a
 * module installed or removed here is told to the group as before. Started before Cellar's bundles (start level 79)
 * and switching the listener off again when it stops, so a node killed with the listener on is covered too.
 */
@Component(immediate = true)
public class ReplayGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayGuard.class);
    static final String NODE_PID = "org.apache.karaf.cellar.node";
    static final String LISTENER = "feature.listener";
    private static final String SYNCHRONIZER = "(&(objectClass=org.apache.karaf.cellar.core.Synchronizer)(resource=feature))";

    @Reference
    private ConfigurationAdmin configurations;

    private ServiceTracker<Object, Object> synchronizer;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        listen(false);
        synchronizer = new ServiceTracker<>(context, context.createFilter(SYNCHRONIZER), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                listen(true);
                return reference;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                listen(false);
            }
        };
        synchronizer.open(true);
    }

    @Deactivate
    void deactivate() {
        synchronizer.close();
        listen(false);
    }

    private void listen(boolean on) {
        try {
            Configuration node = configurations.getConfiguration(NODE_PID, null);
            Dictionary<String, Object> properties = node.getProperties();
            if (properties == null || String.valueOf(on).equals(String.valueOf(properties.get(LISTENER)))) {
                return;
            }
            properties.put(LISTENER, String.valueOf(on));
            node.update(properties);
            LOG.info("Cellar's features listener {}", on ? "on: the group's state is pulled, local changes go to the group"
                    : "off until Cellar's replay of this node's features has passed");
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Cellar's features listener not switched {}: {}", on ? "on" : "off", e.toString());
        }
    }
}
