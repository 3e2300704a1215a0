package org.oko.platform.internal.rest;

import java.util.Set;

import javax.annotation.Priority;
import javax.annotation.security.PermitAll;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.ext.Provider;

import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.StorageHealth;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;

/**
 * Refuses state-changing requests while the data disk is full or read-only, before anything is
 * written: 507 (full) or 503 (read-only) with the reason. Viewing goes on; so do logging in and
 * out, which must keep working for people to read. Runs after authentication, so that callers
 * without a session still get 401.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class StorageFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final StorageGuard guard;

    @Context
    private ResourceInfo resourceInfo;

    public StorageFilter(StorageGuard guard) {
        this.guard = guard;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        StorageHealth storage = guard.health();
        // The exemptions are looked at only when a write would be refused: reading the path costs a URI parse.
        if (storage.problem() != null && !exempt(request)) {
            request.abortWith(ErrorMapper.json(new ApiException(storage.writable() ? ApiException.Kind.STORAGE : ApiException.Kind.UNAVAILABLE,
                    storage.writable() ? "storage.full" : "storage.read-only", ApiMessage.split(storage.problem()))));
        }
    }

    private boolean exempt(ContainerRequestContext request) {
        boolean open = resourceInfo != null && resourceInfo.getResourceMethod() != null
                && resourceInfo.getResourceMethod().isAnnotationPresent(PermitAll.class);
        return open || request.getUriInfo().getRequestUri().getPath().endsWith("/api/auth/logout");
    }
}
