package org.oko.itests.platform.sharednotes;

import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The code of a small module that ModuleRepositoryIT builds in two versions and moves between two OKO
 * installations: its data is a table its upgrade steps create and change, read and written at
 * {@code /api/it-shared}. Only framework, JAX-RS and JDBC packages: nothing of the test's own.
 */
public class SharedNotesActivator implements BundleActivator {

    private ServiceRegistration<?> registration;

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("oko.rest.base", "/api/it-shared");
        registration = context.registerService(Object.class, new SharedNotesResource(context), properties);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }
}
