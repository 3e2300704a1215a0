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
        if (roles.contains(Role.OBSERVER)) {
            // Read-only: the roles that write (school, founder coordinator) are never combined with OBSERVER (AccountRules).
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
