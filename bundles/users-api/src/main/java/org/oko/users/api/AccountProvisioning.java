package org.oko.users.api;

import java.util.List;
import java.util.Set;

import org.oko.platform.api.security.Role;

/**
 * Accounts another bundle creates as the system, with a password it chooses (the demo data's
 * accounts): people get theirs from the administrator with a one-time password instead. Only the
 * system caller ({@code Caller.SYSTEM}) may create; the service is there once the first
 * administrator is.
 *
 * @since 1.1
 */
public interface AccountProvisioning {

    /**
     * @param observed the organisations an observer reads; empty for the other roles
     */
    record NewAccount(String login, String fullName, String organisationCode, Set<Role> roles, List<String> observed) {
        public NewAccount {
            roles = Set.copyOf(roles);
            observed = observed == null ? List.of() : List.copyOf(observed);
        }
    }

    /** Whether an account with this login exists, active or not. */
    boolean exists(String login);

    /**
     * Creates an active account that keeps {@code password} (no change asked at the first login)
     * and writes the creation to the security log with {@code reason}.
     *
     * @throws IllegalStateException when the login is taken
     * @throws org.oko.platform.api.security.AccessDeniedException when the caller is not the system
     */
    void create(NewAccount account, char[] password, String reason);
}
