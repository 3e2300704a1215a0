package org.oko.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.ModuleInfo;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class ModuleInspectorTest {

    private final Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> components = new LinkedHashMap<>();

    @Test
    void activeBundleWithSatisfiedComponentsIsHealthy() {
        components.put(description("a"), List.of(configuration(ComponentConfigurationDTO.ACTIVE)));
        components.put(description("b"), List.of(configuration(ComponentConfigurationDTO.SATISFIED)));
        ModuleInfo module = inspect(Bundle.ACTIVE);
        assertTrue(module.healthy(), module.problems().toString());
        assertEquals(2, module.componentsSatisfied());
        assertEquals(2, module.componentsTotal());
        assertEquals("ACTIVE", module.state());
    }

    @Test
    void resolvedBundleIsAProblem() {
        ModuleInfo module = inspect(Bundle.RESOLVED);
        assertEquals(List.of("bundle is RESOLVED, not ACTIVE"), module.problems());
    }

    @Test
    void unsatisfiedReferenceIsNamedWithItsTarget() {
        ComponentConfigurationDTO configuration = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO reference = new UnsatisfiedReferenceDTO();
        reference.name = "jpa";
        reference.target = "(osgi.unit.name=oko-platform)";
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {reference};
        components.put(description("org.oko.platform.internal.StartHistory"), List.of(configuration));
        ModuleInfo module = inspect(Bundle.ACTIVE);
        assertEquals(0, module.componentsSatisfied());
        assertEquals(List.of("component org.oko.platform.internal.StartHistory lacks service jpa (osgi.unit.name=oko-platform)"),
                module.problems());
    }

    @Test
    void failedActivationShowsTheFirstLineOfTheFailure() {
        ComponentConfigurationDTO configuration = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        configuration.failure = "java.lang.IllegalStateException: disk full\n\tat x.y(Z.java:1)";
        components.put(description("c"), List.of(configuration));
        assertEquals(List.of("component c failed to activate: java.lang.IllegalStateException: disk full"),
                inspect(Bundle.ACTIVE).problems());
    }

    @Test
    void componentWithoutConfigurationWaitsForItsPid() {
        ComponentDescriptionDTO description = description("d");
        description.configurationPid = new String[] {"org.oko.d"};
        components.put(description, List.of());
        assertEquals(List.of("component d waits for configuration org.oko.d"), inspect(Bundle.ACTIVE).problems());
    }

    @Test
    void fragmentsAreNeverActiveAndThatIsFine() {
        ModuleInfo module = ModuleInspector.inspect("f", "F", "1.0.0", "form", Bundle.RESOLVED, true, components, List.of());
        assertTrue(module.healthy());
    }

    @Test
    void problemsThatExtendersReportMakeTheModuleUnhealthy() {
        ModuleInfo module = ModuleInspector.inspect("org.oko.form.x", "X", "1.0.0", "form", Bundle.ACTIVE, false, components,
                List.of("OKO-INF/forms/x.json: unknown type 'money' at sections[0].items[1]"));
        assertEquals(List.of("OKO-INF/forms/x.json: unknown type 'money' at sections[0].items[1]"), module.problems());
    }

    private ModuleInfo inspect(int state) {
        return ModuleInspector.inspect("org.oko.x", "X", "1.0.0", "core", state, false, components, List.of());
    }

    private static ComponentDescriptionDTO description(String name) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = name;
        return description;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return configuration;
    }
}
