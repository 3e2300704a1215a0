package org.oko.itests.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.CoreWatch;
import org.oko.itests.support.OkoContainerTest;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo data's feature as the distribution installs it: {@code oko-demo} at boot, its bundle
 * exporting nothing, its loaders loading nothing while {@code demo.data} is off (as in this suite);
 * removing it as modules are removed ({@code feature:uninstall -r oko-demo}) leaves every core bundle
 * as it was — ids, states, wirings, no refresh but of the demo bundle itself — and the API healthy;
 * installing it again touches nothing either. The demo data itself, with demo.data on: {@link DemoDataIT}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DemoFeatureIT extends OkoContainerTest {

    private static final String FEATURE = "oko-demo";
    private static final String BUNDLE = "org.oko.demo";

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private ServiceComponentRuntime scr;

    @Test
    public void theDemoFeatureIsInstalledAndRemovedWithoutTouchingTheCore() throws Exception {
        Feature demo = features.getFeature(FEATURE);
        assertNotNull(FEATURE + " in the distribution", demo);
        assertTrue(FEATURE + " installed at boot", features.isInstalled(demo));
        Bundle bundle = demoBundle();
        assertNotNull(BUNDLE + " installed", bundle);
        assertEquals(Bundle.ACTIVE, bundle.getState());
        assertNull("the demo bundle exports nothing", bundle.getHeaders("").get("Export-Package"));
        assertNull("the demo bundle is neither core nor a module", bundle.getHeaders("").get("Oko-Module"));
        // demo.data is off in this suite: the region and account loaders are active and load nothing, so the
        // loaders that need the region wait for it (DS starts them when the catalog loader says it is there).
        assertFalse(JSON.readTree(get("/api/health").body()).get("demoData").asBoolean());
        assertEquals(List.of("AccountsLoader ACTIVE", "CampaignLoader WAITING", "CatalogLoader ACTIVE", "VprResultsLoader WAITING"),
                components(bundle));

        try (CoreWatch core = CoreWatch.start(context)) {
            // As modules are removed (feature:uninstall -r): an auto-refresh would refresh javax.persistence and the JPA stack.
            features.uninstallFeature(FEATURE, demo.getVersion(), EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            assertFalse(features.isInstalled(demo));
            assertNull(BUNDLE + " uninstalled", demoBundle());
            // Felix refreshes the bundle it uninstalled (nothing is wired to it): that refresh reaches it alone.
            core.assertUntouchedBesidesModuleRefreshes("feature:uninstall " + FEATURE, 1);
            JsonNode health = JSON.readTree(get("/api/health").body());
            assertEquals(health.toString(), "UP", health.get("status").asText());

            features.installFeature(FEATURE, demo.getVersion(), EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            assertTrue(features.isInstalled(demo));
            assertEquals(Bundle.ACTIVE, demoBundle().getState());
            // No refresh is asked for here, but the shared container's FileInstall may still be removing an earlier
            // test's file and refresh that module meanwhile: the core's events, states and wirings decide.
            core.assertUntouchedBesidesModuleRefreshes("feature:install " + FEATURE, 0);
            assertEquals("UP", JSON.readTree(get("/api/health").body()).get("status").asText());
        }
    }

    private Bundle demoBundle() {
        for (Bundle bundle : context.getBundles()) {
            if (BUNDLE.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    /** The bundle's components by simple name with their state, sorted. */
    private List<String> components(Bundle bundle) {
        List<String> components = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                String state = configuration.state == ComponentConfigurationDTO.ACTIVE ? "ACTIVE"
                        : configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE ? "WAITING" : String.valueOf(configuration.state);
                components.add(description.name.substring(description.name.lastIndexOf('.') + 1) + " " + state);
            }
        }
        components.sort(null);
        return components;
    }
}
