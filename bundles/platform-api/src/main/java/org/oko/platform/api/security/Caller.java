package org.oko.platform.api.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who makes the current call.
 *
 * @param login            account login; "system" for the platform's own work, null for anonymous
 * @param organisationCode the caller's organisation in the catalog
 * @param roles            roles held
 * @param scope            organisations the caller may see
 */
public record Caller(String login, String organisationCode, Set<Role> roles, Scope scope) {

    public static final Caller ANONYMOUS = new Caller(null, null, Set.of(), Scope.NONE);
    /** The platform itself: demo data, scheduled jobs. Never a web request. */
    public static final Caller SYSTEM = new Caller("system", null, EnumSet.allOf(Role.class), Scope.REGION);

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean authenticated() {
        return login != null;
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
