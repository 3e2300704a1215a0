package org.oko.platform.api;

import java.util.List;

/**
 * Whiteboard: a core bundle that takes declarative content from modules (an extender, such as
 * the forms bundle reading {@code OKO-INF/forms/}) reports what it refused, so that the module
 * list and {@code /api/health} show the reason next to the module.
 */
public interface ModuleProblems {

    /** Problems with the content of the bundle with this id, one sentence each; empty when none. */
    List<String> problemsOf(long bundleId);
}
