package org.oko.demo.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.oko.platform.api.StartupWork;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loader's own thread: the work runs there as the system, one task after another, never on the
 * framework's thread that activates the component. A task may be held as {@link StartupWork}, so that
 * {@code /api/health} says STARTING until it is done. {@link #stop} lets the running task finish its
 * current step (a loader checks {@link #stopping} between steps: interrupting a thread inside Derby
 * would close its connection) and takes no more.
 */
public final class Worker {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private static final long STOP_WAIT_SECONDS = 30;

    /** What a loader does, throwing whatever goes wrong: it is logged, and the worker goes on. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private final String name;
    private final ExecutorService executor;
    private volatile boolean stopping;

    public Worker(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the task. */
    public void submit(Task task) {
        submit(task, null, null);
    }

    /**
     * Queues the task; with a bundle context, health waits for it: the {@link StartupWork} is registered
     * now, before this returns, and unregistered when the task ends.
     */
    public void submit(Task task, BundleContext context, String what) {
        ServiceRegistration<StartupWork> registration = context == null ? null : register(context, what);
        try {
            executor.execute(() -> {
                try {
                    if (!stopping) {
                        CallerContext.callAs(Caller.SYSTEM, () -> {
                            task.run();
                            return null;
                        });
                    }
                } catch (Exception e) {
                    if (stopping) { // the services it used are going away with it
                        LOG.info("Demo data ({}) stopped: {}", name, e.toString());
                    } else {
                        LOG.error("Demo data ({}) failed", name, e);
                    }
                } finally {
                    unregister(registration);
                }
            });
        } catch (RejectedExecutionException e) { // stopped meanwhile
            unregister(registration);
        }
    }

    public boolean stopping() {
        return stopping;
    }

    /** Takes no more tasks and waits a while for the running one to reach the end of its step. */
    public void stop() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Demo data ({}) still running after {} s; left to finish", name, STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ServiceRegistration<StartupWork> register(BundleContext context, String what) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("oko.startup.work", what);
        StartupWork work = () -> what;
        return context.registerService(StartupWork.class, work, properties);
    }

    private static void unregister(ServiceRegistration<StartupWork> registration) {
        if (registration == null) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // the bundle stopped meanwhile: its services are gone already
        }
    }
}
