package org.oko.cluster.internal;

import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Lets Karaf Cellar tell the group of a feature installed here. Cellar's features listener writes the feature's state
 * into a Hazelcast map on the thread that reports the event, Karaf's provisioning thread, and Hazelcast reads the
 * value it replaces with that thread's context class loader: Java's application loader, which knows no Cellar class
 * (ClassNotFoundException: org.apache.karaf.cellar.features.FeatureState, and the install answered 500). This
 * listener, started before Cellar's (start level 79 in the feature), gives that thread a loader that also asks
 * Cellar's bundles.
 */
@Component
public class CellarClassLoading implements FeaturesListener {

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        prepare();
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        prepare();
    }

    private void prepare() {
        Thread thread = Thread.currentThread();
        ClassLoader current = thread.getContextClassLoader();
        if (!(current instanceof CellarAware)) {
            thread.setContextClassLoader(new CellarAware(current, context));
        }
    }

    /** The thread's loader first, then each Cellar bundle. */
    static final class CellarAware extends ClassLoader {
        private final BundleContext context;

        CellarAware(ClassLoader parent, BundleContext context) {
            super(parent);
            this.context = context;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("org.apache.karaf.cellar.")) {
                for (Bundle bundle : context.getBundles()) {
                    String symbolicName = bundle.getSymbolicName();
                    if (symbolicName != null && symbolicName.startsWith("org.apache.karaf.cellar")) {
                        try {
                            return bundle.loadClass(name);
                        } catch (ClassNotFoundException | IllegalStateException e) {
                            // not this bundle's, or the bundle is gone: try the next
                        }
                    }
                }
            }
            throw new ClassNotFoundException(name);
        }
    }
}
