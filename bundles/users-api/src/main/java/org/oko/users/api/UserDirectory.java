package org.oko.users.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.oko.platform.api.security.Role;

/** Active accounts and how to reach them: reminders go to the people responsible for a step or a school. */
public interface UserDirectory {

    /**
     * An active account.
     *
     * @param email null when the account has none
     */
    record Contact(String login, String fullName, String organisationCode, Set<Role> roles, String email) {
    }

    /** Every active account, ordered by login. */
    List<Contact> activeContacts();

    /** The active account of one login, empty when there is none or it is blocked. */
    Optional<Contact> contact(String login);
}
