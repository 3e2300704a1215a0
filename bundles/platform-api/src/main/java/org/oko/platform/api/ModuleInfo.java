package org.oko.platform.api;

import java.util.List;

/**
 * One installed OKO module: a bundle that carries the manifest header {@value #HEADER}.
 *
 * @param symbolicName        the bundle symbolic name, e.g. {@code org.oko.platform}
 * @param name                human-readable bundle name
 * @param version             bundle version
 * @param kind                value of the {@value #HEADER} header: {@code core}, {@code form}, {@code procedure}, ...
 * @param state               bundle state: INSTALLED, RESOLVED, STARTING, ACTIVE, STOPPING
 * @param componentsSatisfied DS components of the bundle that are satisfied or active
 * @param componentsTotal     all enabled DS components of the bundle
 * @param problems            what keeps the module from working, one sentence each; empty when healthy
 */
public record ModuleInfo(String symbolicName, String name, String version, String kind, String state,
                         int componentsSatisfied, int componentsTotal, List<String> problems) {

    /** Manifest header that marks a bundle as an OKO module; its value is the module kind. */
    public static final String HEADER = "Oko-Module";

    public boolean healthy() {
        return problems.isEmpty();
    }
}
