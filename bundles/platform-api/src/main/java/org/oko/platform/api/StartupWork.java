package org.oko.platform.api;

/**
 * Whiteboard: work of the start that {@code /api/health} waits for — it answers {@code STARTING}
 * while any is registered, as it does while Karaf installs its boot features. The demo data's
 * region and accounts are such work: the launcher says "ready" once they can be used. Register the
 * service (plain service registry, no DS needed) before the work begins, on the component's own
 * thread, and unregister it when the work ends, whether it succeeded or not.
 *
 * @since 1.5
 */
public interface StartupWork {

    /** What is being done, for people: "demo region". */
    String what();
}
