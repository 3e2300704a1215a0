package org.oko.platform.internal.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.ext.Provider;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.resource.ResourceManager;
import org.apache.cxf.transport.servlet.ServletController;
import org.oko.platform.api.Rest;
import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.security.Authenticator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every service carrying {@link Rest#BASE} as a JAX-RS resource on CXF. Resources with
 * the same base form one CXF server; a change to one base re-creates only that server, so a module
 * coming or going never touches the endpoints of the others.
 */
@Component(immediate = true)
public class RestWhiteboard {

    private static final Logger LOG = LoggerFactory.getLogger(RestWhiteboard.class);

    /** Resources by base path, in registration order, and the server currently serving each base. */
    private final Map<String, Map<ServiceReference<Object>, Object>> resources = new HashMap<>();
    private final Map<String, Server> servers = new HashMap<>();

    /** Absent while the users bundle is not running: then only public endpoints answer. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authenticator authenticator;

    @Reference
    private StorageGuard storageGuard;

    private ServiceTracker<Object, Object> tracker;
    private Bus bus;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        bus = BusFactory.getDefaultBus(true);
        settleClassLoader(bus);
        keepAllCandidates(bus);
        tracker = new ServiceTracker<>(context, context.createFilter("(" + Rest.BASE + "=*)"),
                new ServiceTrackerCustomizer<>() {
                    @Override
                    public Object addingService(ServiceReference<Object> reference) {
                        Object resource = context.getService(reference);
                        if (resource == null) {
                            LOG.warn("REST resource {} could not be obtained (its activation failed?)", reference);
                            context.ungetService(reference);
                            return null;
                        }
                        add(base(reference), reference, resource);
                        return resource;
                    }

                    @Override
                    public void modifiedService(ServiceReference<Object> reference, Object resource) {
                        String base = base(reference);
                        synchronized (RestWhiteboard.this) {
                            String old = baseOf(reference);
                            if (base.equals(old)) {
                                return;
                            }
                            remove(old, reference);
                            add(base, reference, resource);
                        }
                    }

                    @Override
                    public void removedService(ServiceReference<Object> reference, Object resource) {
                        synchronized (RestWhiteboard.this) {
                            remove(baseOf(reference), reference);
                        }
                        context.ungetService(reference);
                    }
                });
        tracker.open(true);
    }

    /**
     * CXF's servlet asks the bus's resource resolvers for the request's class loader on every request
     * unless the bus carries one, and here they find none: a search of the class path that throws and
     * catches on the way, a twentieth of a small request's CPU (docs/performance.md). The bus is given the
     * loader of CXF's servlet transport — the one Pax Web's context already runs its requests with.
     */
    static void settleClassLoader(Bus bus) {
        if (bus.getExtension(ClassLoader.class) != null) {
            return;
        }
        ResourceManager manager = bus.getExtension(ResourceManager.class);
        ClassLoader found = manager == null ? null : manager.resolveResource("", ClassLoader.class);
        ClassLoader loader = found != null ? found : ServletController.class.getClassLoader();
        bus.setExtension(loader, ClassLoader.class);
        LOG.debug("CXF's requests run with the class loader {} (found by the bus: {})", loader, found != null);
    }

    /**
     * CXF keeps, per body type and media type, the providers that may read or write it. By default it keeps only
     * the first whose media types match, before asking it — here CXF's own JSON provider, which declines any class
     * without JAXB annotations — and the entry is never replaced: every body read and every answer written then
     * looked through all providers again. Keeping every candidate makes the second request of a type try the few
     * kept ones in order instead (docs/performance.md, sixth step).
     */
    static void keepAllCandidates(Bus bus) {
        if (bus.getProperty(CHECK_ALL_CANDIDATES) == null) {
            bus.setProperty(CHECK_ALL_CANDIDATES, true);
        }
    }

    static final String CHECK_ALL_CANDIDATES = "org.apache.cxf.jaxrs.provider.cache.checkAllCandidates";

    @Deactivate
    synchronized void deactivate() {
        tracker.close();
        servers.values().forEach(Server::destroy);
        servers.clear();
        resources.clear();
    }

    private static String base(ServiceReference<?> reference) {
        return RestBases.normalise(String.valueOf(reference.getProperty(Rest.BASE)));
    }

    private String baseOf(ServiceReference<Object> reference) {
        return resources.entrySet().stream().filter(e -> e.getValue().containsKey(reference))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private synchronized void add(String base, ServiceReference<Object> reference, Object resource) {
        resources.computeIfAbsent(base, b -> new LinkedHashMap<>()).put(reference, resource);
        republish(base);
    }

    private synchronized void remove(String base, ServiceReference<Object> reference) {
        if (base == null) {
            return;
        }
        Map<ServiceReference<Object>, Object> group = resources.get(base);
        if (group != null && group.remove(reference) != null) {
            if (group.isEmpty()) {
                resources.remove(base);
            }
            republish(base);
        }
    }

    private void republish(String base) {
        Server old = servers.remove(base);
        if (old != null) {
            old.destroy();
        }
        Map<ServiceReference<Object>, Object> group = resources.get(base);
        if (group == null) {
            LOG.info("REST base {} withdrawn", base);
            return;
        }
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(base);
        factory.setInvoker(new SuspendingInvoker());
        // @Provider services (exception mappers, filters) of a base serve that base's resources.
        List<Object> beans = new ArrayList<>();
        List<Object> providers = new ArrayList<>(List.of(Json.provider(), new ErrorMapper(),
                new AuthFilter(() -> authenticator), new StorageFilter(storageGuard), new SecurityHeaders()));
        for (Object service : group.values()) {
            (service.getClass().isAnnotationPresent(Provider.class) ? providers : beans).add(service);
        }
        if (beans.isEmpty()) {
            LOG.info("REST base {} has providers but no resources yet", base);
            return;
        }
        factory.setServiceBeans(beans);
        factory.setProviders(providers);
        try {
            servers.put(base, factory.create());
            LOG.info("REST base {} serves {} resource(s)", base, group.size());
        } catch (RuntimeException e) {
            LOG.error("REST base {} could not be published", base, e);
        }
    }
}
