package org.oko.users.internal.jaas;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.oko.platform.api.security.Role;
import org.oko.users.internal.LoginService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Checks a console login against OKO accounts. Administrators get Karaf's administrative roles
 * (console, bundles, configuration); other roles get no console access.
 */
public class OkoLoginModule implements LoginModule {

    private static final List<String> KARAF_ADMIN_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");

    private Subject subject;
    private CallbackHandler callbackHandler;
    private BundleContext context;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
        this.context = (BundleContext) options.get(BundleContext.class.getName());
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback(TEXTS.ru("console.login"));
        PasswordCallback password = new PasswordCallback(TEXTS.ru("console.password"), false);
        try {
            callbackHandler.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw new LoginException("Cannot read the credentials: " + e.getMessage());
        }
        ServiceReference<LoginService> reference = context.getServiceReference(LoginService.class);
        LoginService logins = reference == null ? null : context.getService(reference);
        if (logins == null) {
            throw new LoginException("OKO accounts are not available");
        }
        try {
            char[] secret = password.getPassword() == null ? new char[0] : password.getPassword();
            LoginService.Result result = logins.consoleLogin(name.getName(), secret, clientAddress());
            password.clearPassword();
            if (result.outcome() != LoginService.Outcome.OK) {
                throw new FailedLoginException(result.outcome() == LoginService.Outcome.CONSOLE_NEEDS_NEW_PASSWORD
                        ? TEXTS.ru("console.change-one-time") : TEXTS.ru("auth.wrong"));
            }
            principals.add(new UserPrincipal(result.caller().login()));
            if (result.caller().roles().contains(Role.ADMINISTRATOR)) {
                KARAF_ADMIN_ROLES.forEach(role -> principals.add(new RolePrincipal(role)));
            }
            return true;
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * Where the console login comes from: Karaf's SSH server puts a {@link ClientPrincipal} with the
     * client's address into the subject before the login; a local console has none.
     */
    String clientAddress() {
        if (subject != null) {
            for (ClientPrincipal client : subject.getPrincipals(ClientPrincipal.class)) {
                if (client.getAddress() != null && !client.getAddress().isBlank()) {
                    // The bare address, as web logins record it, so that one address is counted once (LoginThrottle).
                    return hostOf(client.getAddress());
                }
            }
        }
        return "console";
    }

    /** "host/10.1.2.3:52144" or "/[::1]:52144" → "10.1.2.3", "::1": the address without name and port, like web events. */
    static String hostOf(String socketAddress) {
        String address = socketAddress.substring(socketAddress.lastIndexOf('/') + 1);
        int port = address.lastIndexOf(':');
        if (port > 0 && address.indexOf(':') == port) {
            address = address.substring(0, port);
        } else if (address.startsWith("[") && address.contains("]")) {
            address = address.substring(1, address.indexOf(']'));
        }
        return address;
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
