package org.oko.platform.internal;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.HealthService;
import org.oko.platform.api.ModuleInfo;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, starts, stops and removes OKO modules at runtime for the administrator. Nothing here
 * ever refreshes: features go in with {@code NoAutoRefreshBundles}, bundles are installed and
 * uninstalled one by one, so core bundles keep their wiring and state (STACK.md, pitfall 10).
 * Core modules cannot be stopped or removed from here.
 */
@Component(service = ModuleManager.class)
public class ModuleManager {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleManager.class);
    /** Location prefix of bundles uploaded through the API, so that they can be told apart later. */
    static final String UPLOAD_LOCATION = "oko-upload:";
    public static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Reference
    private HealthService health;

    @Reference
    private FeaturesService features;

    @Reference
    private StartFailures startFailures;

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    public List<ModuleInfo> modules() {
        CallerContext.require(Role.ADMINISTRATOR);
        return health.health().modules();
    }

    /** Installs a Karaf feature by name (its repository given as a URL, or already known). */
    public ModuleInfo installFeature(String repository, String feature) throws Exception {
        CallerContext.require(Role.ADMINISTRATOR);
        if (repository != null && !repository.isBlank()) {
            features.addRepository(java.net.URI.create(repository.trim()), false);
        }
        if (features.getFeatures(feature).length == 0) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.unknown-feature", feature);
        }
        features.installFeature(feature, NO_REFRESH);
        LOG.info("Module feature {} installed by {}", feature, CallerContext.current().login());
        Feature installed = features.getFeatures(feature)[0];
        return installed.getBundles().stream()
                .map(info -> context.getBundle(info.getLocation()))
                .filter(b -> b != null && b.getHeaders("").get(ModuleInfo.HEADER) != null)
                .findFirst().map(b -> find(b.getSymbolicName())).orElseThrow(() ->
                        TEXTS.refusal(ApiException.Kind.INVALID, "module.feature-holds-no", feature));
    }

    /** Installs a bundle from a Maven or file URL and starts it. */
    public ModuleInfo installLocation(String location) throws BundleException {
        CallerContext.require(Role.ADMINISTRATOR);
        Bundle bundle = context.installBundle(location.trim());
        return startNew(bundle);
    }

    /** Installs an uploaded module jar: it must be an OKO module (header Oko-Module) and not a core one. */
    public ModuleInfo installUpload(byte[] jar) throws BundleException {
        CallerContext.require(Role.ADMINISTRATOR);
        if (jar.length > MAX_UPLOAD_BYTES) {
            throw new ApiException(ApiException.Kind.INVALID, "module.file-too-large", TEXTS.text("module.jar-too-large", MAX_UPLOAD_BYTES / 1024 / 1024));
        }
        Manifest manifest = manifestOf(jar).orElseThrow(() -> TEXTS.refusal(ApiException.Kind.INVALID, "module.not-jar-manifest"));
        String symbolicName = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        String kind = manifest.getMainAttributes().getValue(ModuleInfo.HEADER);
        if (symbolicName == null || kind == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.not-oko-module");
        }
        if ("core".equals(kind.trim())) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.core-bundles-not");
        }
        symbolicName = symbolicName.split(";")[0].trim();
        // Before anything is installed: a module built against another OKO's API is refused with the reason.
        List<String> unfit = ImportFit.problems(manifest.getMainAttributes().getValue("Import-Package"),
                manifest.getMainAttributes().getValue("Export-Package"), context.getBundles());
        if (!unfit.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.module-does-not", String.join("; ", unfit));
        }
        Bundle existing = bySymbolicName(symbolicName).orElse(null);
        if (existing != null) {
            existing.update(new ByteArrayInputStream(jar));
            LOG.info("Module {} updated by upload", symbolicName);
            return startNew(existing);
        }
        return startNew(context.installBundle(UPLOAD_LOCATION + symbolicName, new ByteArrayInputStream(jar)));
    }

    public ModuleInfo start(String symbolicName) throws BundleException {
        CallerContext.require(Role.ADMINISTRATOR);
        Bundle bundle = module(symbolicName);
        try {
            bundle.start();
        } catch (BundleException | RuntimeException failure) {
            startFailures.record(bundle, failure);
            throw failure;
        }
        return find(symbolicName);
    }

    public ModuleInfo stop(String symbolicName) throws BundleException {
        CallerContext.require(Role.ADMINISTRATOR);
        Bundle bundle = module(symbolicName);
        bundle.stop();
        return find(symbolicName);
    }

    /** Removes a module: through its feature when a feature brought it, else the bundle alone. */
    public void uninstall(String symbolicName) throws Exception {
        CallerContext.require(Role.ADMINISTRATOR);
        Bundle bundle = module(symbolicName);
        for (Feature feature : features.listInstalledFeatures()) {
            boolean owns = feature.getBundles().stream().anyMatch(info -> info.getLocation().equals(bundle.getLocation()));
            if (owns) {
                features.uninstallFeature(feature.getName(), feature.getVersion(), NO_REFRESH);
                LOG.info("Module feature {} removed", feature.getName());
                return;
            }
        }
        bundle.uninstall();
        LOG.info("Module {} removed", symbolicName);
    }

    private ModuleInfo startNew(Bundle bundle) throws BundleException {
        try {
            bundle.start();
        } catch (BundleException | RuntimeException failure) {
            startFailures.record(bundle, failure);
            // Keep the module installed: the module list shows it with the reason, the administrator decides.
            LOG.warn("Module {} does not start: {}", bundle.getSymbolicName(), failure.getMessage());
            throw failure;
        }
        return find(bundle.getSymbolicName());
    }

    /** A non-core module by symbolic name; core bundles answer 409 through IllegalStateException. */
    private Bundle module(String symbolicName) {
        Bundle bundle = bySymbolicName(symbolicName).filter(b -> b.getHeaders("").get(ModuleInfo.HEADER) != null)
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "module.no-such-module", symbolicName));
        if ("core".equals(bundle.getHeaders("").get(ModuleInfo.HEADER).trim())) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "module.core-modules-stay");
        }
        return bundle;
    }

    private Optional<Bundle> bySymbolicName(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    private ModuleInfo find(String symbolicName) {
        return health.health().modules().stream().filter(m -> m.symbolicName().equals(symbolicName)).findFirst()
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "module.no-such-module", symbolicName));
    }

    static Optional<Manifest> manifestOf(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            return Optional.ofNullable(in.getManifest());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
