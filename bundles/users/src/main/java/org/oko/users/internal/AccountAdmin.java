package org.oko.users.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.oko.platform.api.security.AccessDeniedException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.users.internal.SecurityEventEntity.Type;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Managing accounts. The administrator manages every account; a founder coordinator manages the
 * school coordinator accounts of the schools in its scope, and nothing else. An account outside
 * the caller's reach answers like one that does not exist.
 */
@Component(service = AccountAdmin.class)
public class AccountAdmin {

    /** An account as shown to those who manage it: never its password hash. */
    public record Account(String login, String fullName, String organisationCode, Set<Role> roles, boolean active,
                          boolean mustChangePassword) {
    }

    /** A new account and the one-time password to hand over. */
    public record Issued(Account account, String oneTimePassword) {
    }

    @Reference
    private AccountStore store;

    @Reference
    private LoginService logins;

    private final PasswordHasher hasher = new PasswordHasher();

    public List<Account> list() {
        Caller caller = manager();
        return store.all().stream().filter(u -> reaches(caller, u)).map(AccountAdmin::account).collect(Collectors.toList());
    }

    public Issued create(String login, String fullName, String organisationCode, Set<Role> roles, boolean active, String address) {
        Caller caller = manager();
        String normalised = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        if (!normalised.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw new IllegalArgumentException("Логин: от 3 до 64 латинских букв, цифр, точек, дефисов и подчёркиваний");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Укажите хотя бы одну роль");
        }
        if (!caller.hasAnyRole(Role.ADMINISTRATOR)
                && (!roles.equals(EnumSet.of(Role.SCHOOL_COORDINATOR)) || !inFoundersSchools(caller, organisationCode))) {
            throw new AccessDeniedException(true, "Координатор учредителя создаёт только учётные записи координаторов своих ОО");
        }
        if (store.find(normalised).isPresent()) {
            throw new IllegalStateException("Логин " + normalised + " уже занят");
        }
        String oneTime = OneTimePasswords.generate();
        UserEntity user = new UserEntity(normalised, hasher.hash(oneTime.toCharArray()), fullName, organisationCode, roles, true);
        user.setActive(active);
        store.create(user);
        store.record(new SecurityEventEntity(Type.ACCOUNT_CREATED, normalised, caller.login(), address,
                "roles " + roles + (active ? "" : ", inactive")));
        return new Issued(account(user), oneTime);
    }

    public void setActive(String login, boolean active, String address) {
        Caller caller = manager();
        UserEntity user = reachable(caller, login);
        store.setActive(user.login(), active);
        if (!active) {
            logins.endSessions(user.login());
        }
        store.record(new SecurityEventEntity(active ? Type.ACTIVATION : Type.DEACTIVATION, user.login(), caller.login(),
                address, null));
    }

    /** A new one-time password; the previous password (one-time or not) stops working at once. */
    public String resetPassword(String login, String address) {
        Caller caller = manager();
        UserEntity user = reachable(caller, login);
        String oneTime = OneTimePasswords.generate();
        store.changePassword(user.login(), hasher.hash(oneTime.toCharArray()), true);
        logins.endSessions(user.login());
        store.record(new SecurityEventEntity(Type.PASSWORD_CHANGE, user.login(), caller.login(), address, "one-time password issued"));
        return oneTime;
    }

    public List<SecurityEventEntity> events(int max) {
        CallerContext.require(Role.ADMINISTRATOR);
        return store.events(Math.max(1, Math.min(max, 10_000)));
    }

    private static Caller manager() {
        return CallerContext.require(Role.ADMINISTRATOR, Role.FOUNDER_COORDINATOR);
    }

    private UserEntity reachable(Caller caller, String login) {
        return store.find(login == null ? "" : login.trim().toLowerCase(Locale.ROOT)).filter(u -> reaches(caller, u))
                .orElseThrow(() -> new java.util.NoSuchElementException("Учётная запись " + login + " не найдена"));
    }

    /** Administrators reach everyone; founder coordinators the school coordinators of their schools. */
    private static boolean reaches(Caller caller, UserEntity user) {
        if (caller.hasAnyRole(Role.ADMINISTRATOR)) {
            return true;
        }
        return user.roles().equals(EnumSet.of(Role.SCHOOL_COORDINATOR)) && inFoundersSchools(caller, user.organisationCode());
    }

    private static boolean inFoundersSchools(Caller caller, String organisationCode) {
        return caller.hasAnyRole(Role.FOUNDER_COORDINATOR) && organisationCode != null
                && !organisationCode.equals(caller.organisationCode()) && caller.scope().contains(organisationCode);
    }

    private static Account account(UserEntity user) {
        return new Account(user.login(), user.fullName(), user.organisationCode(), user.roles(), user.active(),
                user.mustChangePassword());
    }
}
