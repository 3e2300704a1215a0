package org.oko.users.internal;

import java.util.HashSet;
import java.util.Set;

import org.oko.catalog.api.CatalogService;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.security.Scope;

/**
 * What an account may see: region-wide roles see the region; coordinators see their
 * organisation's subtree in the catalog; experts and observers only what is assigned to them
 * (assignments arrive with the procedures that assign work).
 */
final class Scopes {

    private Scopes() {
    }

    static Scope of(Set<Role> roles, String organisationCode, CatalogService catalog) {
        if (roles.contains(Role.ADMINISTRATOR) || roles.contains(Role.REGIONAL_COORDINATOR)
                || roles.contains(Role.MINISTRY_OFFICIAL)) {
            return Scope.REGION;
        }
        Set<String> codes = new HashSet<>();
        if (organisationCode != null
                && (roles.contains(Role.FOUNDER_COORDINATOR) || roles.contains(Role.SCHOOL_COORDINATOR))) {
            // The catalog answers subtree questions for the system only.
            CallerContext.runAs(Caller.SYSTEM, () -> codes.addAll(catalog.subtree(organisationCode)));
        }
        return Scope.of(codes);
    }
}
