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
 * organisation's subtree in the catalog; observers the subtrees of the organisations assigned to
 * them; experts only the work assigned to them (the procedures check that by login).
 */
final class Scopes {

    private Scopes() {
    }

    static Scope of(Set<Role> roles, String organisationCode, Set<String> observed, CatalogService catalog) {
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
        boolean writes = roles.contains(Role.FOUNDER_COORDINATOR) || roles.contains(Role.SCHOOL_COORDINATOR);
        if (roles.contains(Role.OBSERVER) && !writes) {
            // Observed organisations are for reading only: an account that also writes (one made before AccountRules
            // forbade the combination) must never reach more than its own organisation through them.
            CallerContext.runAs(Caller.SYSTEM, () -> observed.forEach(code -> {
                try {
                    codes.addAll(catalog.subtree(code));
                } catch (RuntimeException gone) {
                    // an assignment whose organisation left the catalog assigns nothing
                }
            }));
        }
        return Scope.of(codes);
    }
}
