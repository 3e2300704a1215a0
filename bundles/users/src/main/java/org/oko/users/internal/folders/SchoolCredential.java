package org.oko.users.internal.folders;

/** One school's row in a credential folder. */
public record SchoolCredential(String organisationCode, String organisationName, String territoryName,
        String login, String oneTimePassword) {
}
