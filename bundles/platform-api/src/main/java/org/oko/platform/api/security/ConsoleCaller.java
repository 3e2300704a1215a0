package org.oko.platform.api.security;

import java.security.AccessController;
import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.security.auth.Subject;

/**
 * Runs a console command as the OKO user logged into the Karaf console. Karaf runs commands inside
 * the session's JAAS subject; its user principal names the account.
 */
public final class ConsoleCaller {

    // Karaf's principal class, named rather than imported to keep this API free of Karaf.
    private static final String KARAF_USER_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.UserPrincipal";

    private ConsoleCaller() {
    }

    public static <T> T call(Authenticator authenticator, Callable<T> work) throws Exception {
        Caller caller = login().flatMap(authenticator::consoleCaller).orElse(Caller.ANONYMOUS);
        return CallerContext.callAs(caller, work);
    }

    @SuppressWarnings("removal")
    private static Optional<String> login() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return Optional.empty();
        }
        return subject.getPrincipals().stream().filter(p -> p.getClass().getName().equals(KARAF_USER_PRINCIPAL))
                .map(Principal::getName).findFirst();
    }
}
