package org.oko.platform.api;

/**
 * The REST whiteboard contract.
 *
 * <p>Any bundle publishes JAX-RS resources by registering the resource object as an OSGi service
 * (under its own class, typically a DS component) with the service property {@value #BASE}. The
 * platform serves
 * every resource with the same base as one JAX-RS application at that path, with OKO's JSON
 * mapping and error format. Resources of different bases come and go independently: installing or
 * removing a module never interrupts the endpoints of another.
 *
 * <p>A service of the same base whose class is annotated {@code @javax.ws.rs.ext.Provider} (an
 * exception mapper, a filter) is added to that base's providers instead of its resources; it wins
 * over the platform's own error mapper for the exceptions it maps.
 *
 * <pre>
 * &#64;Component(service = CatalogResource.class, property = Rest.BASE + "=/api/catalog")
 * &#64;Path("organisations")
 * public class CatalogResource { ... }   // serves /api/catalog/organisations
 * </pre>
 */
public final class Rest {

    /** Service property: the absolute path the resource is served under, e.g. {@code /api/catalog}. */
    public static final String BASE = "oko.rest.base";

    /** Every API path starts with this prefix; the web UI owns the rest of the URL space. */
    public static final String API_ROOT = "/api";

    private Rest() {
    }
}
