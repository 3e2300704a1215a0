package org.oko.platform.api.security;

import java.util.Optional;

/**
 * Finds the caller of a web request from its session cookie. Provided by the users bundle; while
 * no authenticator is registered, every endpoint that is not public answers 503 (fail closed).
 */
public interface Authenticator {

    /** Name of the session cookie. */
    String SESSION_COOKIE = "OKO_SESSION";

    /** Header that carries the CSRF token on state-changing requests. */
    String CSRF_HEADER = "X-CSRF-Token";

    /**
     * The session's caller, or empty when the cookie is missing, unknown or expired.
     *
     * @param sessionToken the value of the session cookie, may be null
     */
    Optional<Session> session(String sessionToken);

    /**
     * The caller for an account logged into the Karaf console (its JAAS subject): active accounts
     * whose password is not one-time; empty otherwise.
     */
    Optional<Caller> consoleCaller(String login);

    /** A live web session: the caller and the token that state-changing requests must echo. */
    record Session(Caller caller, String csrfToken) {
    }
}
