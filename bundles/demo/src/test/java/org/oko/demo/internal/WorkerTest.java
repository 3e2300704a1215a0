package org.oko.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.StartupWork;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class WorkerTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void tasksRunInOrderOnTheWorkersThreadAsTheSystemAndAFailureStopsNothing() throws Exception {
        Worker worker = new Worker("oko-demo-test");
        CountDownLatch done = new CountDownLatch(1);
        String caller = Thread.currentThread().getName();
        worker.submit(() -> seen.add("1 " + CallerContext.current().login() + " " + !Thread.currentThread().getName().equals(caller)));
        worker.submit(() -> {
            throw new IllegalStateException("a loader failed");
        });
        worker.submit(() -> {
            seen.add("3");
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        worker.stop();
        assertEquals(List.of("1 " + Caller.SYSTEM.login() + " true", "3"), seen);
    }

    @Test
    void startupWorkIsRegisteredBeforeSubmitReturnsAndUnregisteredWhenTheTaskEnds() throws Exception {
        BundleContext context = context();
        Worker worker = new Worker("oko-demo-test");
        CountDownLatch release = new CountDownLatch(1);
        worker.submit(release::await, context, "demo region");
        assertEquals(List.of("registered demo region"), seen, "registered on the caller's thread, before the work");
        release.countDown();
        worker.stop();
        assertEquals(List.of("registered demo region", "unregistered"), seen);
    }

    @Test
    void afterStopNothingMoreRunsAndNoStartupWorkStays() {
        Worker worker = new Worker("oko-demo-test");
        worker.stop();
        assertTrue(worker.stopping());
        worker.submit(() -> seen.add("ran"), context(), "demo accounts");
        assertNotEquals(List.of("ran"), seen);
        assertEquals(List.of("registered demo accounts", "unregistered"), seen);
    }

    /** A bundle context that only registers services, writing down what happens to them. */
    private BundleContext context() {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        seen.add("unregistered");
                    }
                    return null;
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args[1] instanceof StartupWork work) {
                        seen.add("registered " + work.what());
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
