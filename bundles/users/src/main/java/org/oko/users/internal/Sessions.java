package org.oko.users.internal;

import java.time.Duration;
import java.util.Optional;

import org.oko.platform.api.security.Authenticator;
import org.oko.platform.api.security.Caller;

/**
 * Web sessions: a random token in an HttpOnly cookie maps to the caller and its CSRF token; a session ends after idle
 * time or a maximum lifetime, on logout, and when its account's sessions are ended. In memory on embedded Derby (one
 * node: {@link SessionRegistry}); in the database on a server, so that any node behind a balancer serves any session
 * ({@link SharedSessions}).
 */
interface Sessions {

    void configure(Duration idle, Duration lifetime);

    Duration lifetime();

    /** Opens a session; returns its token. */
    String open(Caller caller, boolean passwordChangeOnly);

    Optional<Authenticator.Session> find(String token);

    boolean passwordChangeOnly(String token);

    void close(String token);

    /** Ends every session of an account: after a password change elsewhere, a deactivation. */
    void closeAll(String login);
}
