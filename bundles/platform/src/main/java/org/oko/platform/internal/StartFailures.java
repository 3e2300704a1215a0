package org.oko.platform.internal;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.oko.platform.api.ModuleInfo;
import org.oko.platform.api.ModuleProblems;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Why a module did not start: the framework's bundle state says only "RESOLVED", the reason (an
 * activator that throws, a missing class) is in the exception of the start. Kept per bundle from the
 * framework's ERROR events (start levels, restarts) and from starts through {@code /api/modules};
 * forgotten when the bundle starts, is updated or goes away.
 */
@Component(service = {StartFailures.class, ModuleProblems.class})
public class StartFailures implements ModuleProblems {

    private final Map<Long, String> failures = new ConcurrentHashMap<>();
    private final FrameworkListener errors = this::frameworkEvent;
    private final BundleListener changes = this::bundleChanged;
    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        context.addFrameworkListener(errors);
        context.addBundleListener(changes);
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(errors);
        context.removeBundleListener(changes);
    }

    /** Records why the module's start failed. */
    public void record(Bundle bundle, Throwable failure) {
        if (bundle != null && bundle.getHeaders("").get(ModuleInfo.HEADER) != null) {
            failures.put(bundle.getBundleId(), TEXTS.text("module.not-starting", reason(failure)).joined());
        }
    }

    @Override
    public List<String> problemsOf(long bundleId) {
        String failure = failures.get(bundleId);
        return failure == null ? List.of() : List.of(failure);
    }

    private void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null && event.getThrowable() != null) {
            record(event.getBundle(), event.getThrowable());
        }
    }

    private void bundleChanged(BundleEvent event) {
        int type = event.getType();
        if (type == BundleEvent.STARTED || type == BundleEvent.UPDATED || type == BundleEvent.UNINSTALLED) {
            failures.remove(event.getBundle().getBundleId());
        }
    }

    /** The messages of the exception and its causes ("Activator start error …: the activator's own message"). */
    public static String reason(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getName() : t.getMessage();
            if (parts.stream().noneMatch(p -> p.contains(message))) {
                parts.add(message);
            }
        }
        return String.join(": ", parts);
    }
}
