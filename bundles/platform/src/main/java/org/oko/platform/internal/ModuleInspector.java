package org.oko.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.oko.platform.api.ModuleInfo;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Judges a module from its bundle state and its DS components, and explains what is wrong. */
final class ModuleInspector {

    private ModuleInspector() {
    }

    /**
     * @param components every enabled component description of the bundle with its configurations
     * @param reported   problems with the module's content that extenders reported
     */
    static ModuleInfo inspect(String symbolicName, String name, String version, String kind, int bundleState,
                              boolean fragment, Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> components,
                              List<String> reported) {
        List<String> problems = new ArrayList<>();
        if (!fragment && bundleState != Bundle.ACTIVE) {
            problems.add("bundle is " + stateName(bundleState) + ", not ACTIVE");
        }
        int satisfied = 0;
        for (var entry : components.entrySet()) {
            String component = entry.getKey().name;
            List<ComponentConfigurationDTO> configurations = entry.getValue();
            if (configurations.isEmpty()) {
                String[] pids = entry.getKey().configurationPid;
                problems.add("component " + component + " waits for configuration "
                        + (pids == null ? "" : String.join(", ", pids)));
                continue;
            }
            boolean ok = true;
            for (ComponentConfigurationDTO configuration : configurations) {
                switch (configuration.state) {
                    case ComponentConfigurationDTO.ACTIVE:
                    case ComponentConfigurationDTO.SATISFIED:
                        break;
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                        ok = false;
                        problems.add("component " + component + " lacks " + describe(configuration.unsatisfiedReferences));
                        break;
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                        ok = false;
                        problems.add("component " + component + " waits for its configuration");
                        break;
                    case ComponentConfigurationDTO.FAILED_ACTIVATION:
                        ok = false;
                        problems.add("component " + component + " failed to activate: " + firstLine(configuration.failure));
                        break;
                    default:
                        ok = false;
                        problems.add("component " + component + " is in state " + configuration.state);
                }
            }
            if (ok) {
                satisfied++;
            }
        }
        problems.addAll(reported);
        return new ModuleInfo(symbolicName, name, version, kind, stateName(bundleState), satisfied,
                components.size(), List.copyOf(problems));
    }

    private static String describe(UnsatisfiedReferenceDTO[] references) {
        List<String> names = new ArrayList<>();
        for (UnsatisfiedReferenceDTO reference : references) {
            names.add(reference.name + (reference.target == null ? "" : " " + reference.target));
        }
        return "service " + String.join(", ", names);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.UNINSTALLED:
                return "UNINSTALLED";
            case Bundle.INSTALLED:
                return "INSTALLED";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            case Bundle.ACTIVE:
                return "ACTIVE";
            default:
                return "UNKNOWN(" + state + ")";
        }
    }
}
