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
    /** Contacts are also the founder's and the school's own business: within their scope (their organisation's subtree). */
    private static final Role[] CONTACT_WRITERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR,
        Role.SCHOOL_COORDINATOR};

    private CatalogAccess() {
    }

    static Caller reader() {
        return CallerContext.require(Role.values());
    }

    static Caller writer() {
        return CallerContext.require(WRITERS);
    }

    /** A caller who may change the organisation's contacts; 403 for a role that never may, 404 outside the scope. */
    static Caller contactsWriter(String code) {
        Caller caller = CallerContext.require(CONTACT_WRITERS);
        if (!caller.scope().contains(code)) {
            throw CatalogTexts.refusal(org.oko.catalog.api.CatalogException.Reason.NOT_FOUND, "catalog.organisation-not-found", code);
        }
        return caller;
    }
}
