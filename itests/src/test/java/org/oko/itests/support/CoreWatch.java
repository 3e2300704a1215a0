package org.oko.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Watches the core while a module comes or goes: the OKO core bundles (header {@code Oko-Module: core})
 * and every bundle they are wired to, transitively — the shared libraries of oko-base (CXF, Jackson,
 * EclipseLink, Aries JPA, …) and the framework. A refresh or restart of any of them shows as a
 * bundle event (STOPPING, STOPPED, UNRESOLVED, UPDATED), as a framework PACKAGES_REFRESHED, or as a
 * new {@link BundleWiring} object (a completed refresh keeps ids, states and stamps, but never the wiring).
 */
public final class CoreWatch implements AutoCloseable {

    private final BundleContext context;
    private final Map<Long, BundleWiring> wirings = new LinkedHashMap<>();
    private final Map<Long, Integer> states = new LinkedHashMap<>();
    // Framework threads append while the test reads: a copy-on-write list iterates over snapshots.
    private final List<String> events = new CopyOnWriteArrayList<>();
    /** Every bundle's events meanwhile, for the message of a failed check (which bundle a refresh reached). */
    private final List<String> all = new CopyOnWriteArrayList<>();
    private final BundleListener bundles = this::bundleChanged;
    private final FrameworkListener framework = this::frameworkEvent;
    private boolean closed;

    private CoreWatch(BundleContext context) {
        this.context = context;
        Deque<Bundle> next = new ArrayDeque<>();
        for (Bundle bundle : context.getBundles()) {
            if ("core".equals(bundle.getHeaders("").get("Oko-Module"))) {
                next.add(bundle);
            }
        }
        while (!next.isEmpty()) {
            Bundle bundle = next.poll();
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wirings.containsKey(bundle.getBundleId()) || wiring == null) {
                continue;
            }
            wirings.put(bundle.getBundleId(), wiring);
            states.put(bundle.getBundleId(), bundle.getState());
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                next.add(wire.getProvider().getBundle());
            }
        }
        context.addBundleListener(bundles);
        context.addFrameworkListener(framework);
    }

    /**
     * Starts watching the core as it is now, once the refreshes asked for before (by an earlier test of the
     * shared container: a module removed, a file undeployed) are done, so that none of them lands in the watch.
     */
    public static CoreWatch start(BundleContext context) {
        settle(context);
        CoreWatch watch = new CoreWatch(context);
        assertTrue("the core and its libraries: " + watch.names(), watch.names().contains("org.oko.platform")
                && watch.names().stream().anyMatch(n -> n.startsWith("org.apache.cxf")) && watch.names().stream().anyMatch(n -> n.contains("jackson"))
                && watch.names().stream().anyMatch(n -> n.contains("eclipselink") || n.contains("persistence")));
        return watch;
    }

    /** Felix refreshes in the order asked: an empty refresh answers after every earlier one is done. */
    private static void settle(BundleContext context) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(Collections.emptyList(), event -> done.countDown());
        try {
            assertTrue("the framework's refreshes did not end", done.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void bundleChanged(BundleEvent event) {
        int type = event.getType();
        all.add(event.getBundle().getSymbolicName() + " " + typeName(type));
        if (wirings.containsKey(event.getBundle().getBundleId()) && (type == BundleEvent.STOPPING || type == BundleEvent.STOPPED
                || type == BundleEvent.UNRESOLVED || type == BundleEvent.UPDATED || type == BundleEvent.UNINSTALLED)) {
            events.add(event.getBundle().getSymbolicName() + " " + typeName(type));
        }
    }

    private void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
            events.add("PACKAGES_REFRESHED");
            all.add("PACKAGES_REFRESHED");
        }
    }

    /** Fails if anything happened to the core, or any refresh at all, since the last check; keeps watching. */
    public void assertUntouched(String after) {
        assertUntouched(after, false);
    }

    /**
     * As {@link #assertUntouched(String)}, but after a step that refreshes the module itself: Felix refreshes
     * every bundle uninstalled while nothing uses it (to drop it at once), and FileInstall always refreshes the
     * bundles it installs, updates or uninstalls from deploy/ (no setting turns either off). A module exports
     * nothing, so such a refresh reaches the module alone — which the core's events and wirings prove.
     * Waits for those refreshes first, so that they do not spill into a later check.
     */
    public void assertUntouchedBesidesModuleRefreshes(String after, int refreshes) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (events.stream().filter("PACKAGES_REFRESHED"::equals).count() < refreshes && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertUntouched(after, true);
    }

    private void assertUntouched(String after, boolean moduleRefreshExpected) {
        List<String> copied = new ArrayList<>(events);
        List<String> seen = new ArrayList<>(copied);
        if (moduleRefreshExpected) {
            seen.removeIf("PACKAGES_REFRESHED"::equals);
        }
        assertEquals("no core bundle refreshed, restarted or updated after " + after + " (all bundles' events: " + all + ")", List.of(), seen);
        for (Map.Entry<Long, BundleWiring> core : wirings.entrySet()) {
            Bundle bundle = context.getBundle(core.getKey());
            assertNotNull("core bundle " + core.getKey() + " still installed after " + after, bundle);
            assertEquals(bundle.getSymbolicName() + " state after " + after, states.get(core.getKey()), Integer.valueOf(bundle.getState()));
            assertSame(bundle.getSymbolicName() + " keeps its wiring after " + after, core.getValue(), bundle.adapt(BundleWiring.class));
            assertTrue(bundle.getSymbolicName() + " wiring current after " + after, core.getValue().isCurrent());
        }
        // Only what was checked: an event that came in meanwhile (appended at the end) stays for the next check.
        for (int i = 0; i < copied.size(); i++) {
            events.remove(0);
        }
    }

    public int size() {
        return wirings.size();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        wirings.keySet().forEach(id -> names.add(context.getBundle(id).getSymbolicName()));
        return names;
    }

    private static String typeName(int type) {
        switch (type) {
            case BundleEvent.STOPPING: return "STOPPING";
            case BundleEvent.STOPPED: return "STOPPED";
            case BundleEvent.UNRESOLVED: return "UNRESOLVED";
            case BundleEvent.UPDATED: return "UPDATED";
            case BundleEvent.UNINSTALLED: return "UNINSTALLED";
            case BundleEvent.INSTALLED: return "INSTALLED";
            case BundleEvent.RESOLVED: return "RESOLVED";
            case BundleEvent.STARTING: return "STARTING";
            case BundleEvent.STARTED: return "STARTED";
            default: return String.valueOf(type);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            context.removeBundleListener(bundles);
            context.removeFrameworkListener(framework);
        }
    }
}
