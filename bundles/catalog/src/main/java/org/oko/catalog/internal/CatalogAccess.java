package org.oko.catalog.internal;

import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;

/**
 * Who may use the catalog: every role reads (within its scope); the regional centre's roles
 * write. Organisations outside the caller's scope look exactly like organisations that do not exist.
 */
final class CatalogAccess {

    private static final Role[] WRITERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};

    private CatalogAccess() {
    }

    static Caller reader() {
        return CallerContext.require(Role.values());
    }

    static Caller writer() {
        return CallerContext.require(WRITERS);
    }
}
