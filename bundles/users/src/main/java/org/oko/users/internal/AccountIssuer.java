package org.oko.users.internal;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.util.Set;

import org.oko.platform.api.rest.ApiException;
import org.oko.catalog.api.CatalogService;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.users.internal.SecurityEventEntity.Type;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Issues a one-time password to an account, creating the account when it does not exist yet. */
@Component(service = AccountIssuer.class)
public class AccountIssuer {

    @Reference
    private AccountStore store;

    @Reference
    private LoginService logins;

    @Reference
    private CatalogService catalog;

    private final PasswordHasher hasher = new PasswordHasher();

    /**
     * @param activeIfNew whether a newly created account may log in at once (school accounts wait for activation)
     * @return the one-time password; any previous password of the account stops working
     */
    public String issue(String login, String fullName, String organisationCode, Set<Role> roles, boolean activeIfNew,
                        String address) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR);
        if (store.find(login).isEmpty()) {
            AccountRules.check(roles, organisationCode, catalog);
        }
        String oneTime = OneTimePasswords.generate();
        String hash = hasher.hash(oneTime.toCharArray());
        var existing = store.find(login);
        if (existing.isPresent() && !organisationCode.equals(existing.get().organisationCode())) {
            // A hand-made account that happens to carry the generated name: never take it over.
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "account.other-organisation", login, existing.get().organisationCode()).withField("login");
        }
        if (existing.isPresent()) {
            store.changePassword(login, hash, true);
            logins.endSessions(login);
            store.record(new SecurityEventEntity(Type.PASSWORD_CHANGE, login, caller.login(), address, "credential folder"));
        } else {
            UserEntity user = new UserEntity(login, hash, fullName, organisationCode, roles, true);
            user.setActive(activeIfNew);
            user.approve(caller.login());
            store.create(user);
            store.record(new SecurityEventEntity(Type.ACCOUNT_CREATED, login, caller.login(), address, "credential folder"));
        }
        return oneTime;
    }
}
