package org.oko.users.internal;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.util.Locale;

import org.oko.platform.api.security.AccessDeniedException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.users.api.AccountProvisioning;
import org.oko.users.internal.SecurityEventEntity.Type;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link AccountProvisioning}: accounts the system creates with a password of its choice (the demo's). */
@Component(service = AccountProvisioning.class)
public class AccountProvisioningImpl implements AccountProvisioning {

    @Reference
    private AccountStore store;

    // Offered once the first administrator is created.
    @Reference
    private LoginService logins;

    private final PasswordHasher hasher = new PasswordHasher();

    @Override
    public boolean exists(String login) {
        return store.find(normalised(login)).isPresent();
    }

    @Override
    public void create(NewAccount account, char[] password, String reason) {
        if (CallerContext.current() != Caller.SYSTEM) {
            throw new AccessDeniedException(true, TEXTS.text("account.system-only"));
        }
        String login = normalised(account.login());
        if (store.find(login).isPresent()) {
            throw new IllegalStateException(TEXTS.text("account.login-taken", login).joined());
        }
        UserEntity user = new UserEntity(login, hasher.hash(password), account.fullName(), account.organisationCode(),
                account.roles(), false);
        if (account.roles().contains(Role.OBSERVER) && !account.observed().isEmpty()) {
            user.setObserved(account.observed());
        }
        store.create(user);
        store.record(new SecurityEventEntity(Type.ACCOUNT_CREATED, login, Caller.SYSTEM.login(), null, reason));
    }

    private static String normalised(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }
}
