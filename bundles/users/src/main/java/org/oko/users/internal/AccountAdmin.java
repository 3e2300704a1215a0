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
                          boolean mustChangePassword, String position, String phone, String email,
                          String nominatedBy, String approvedBy) {
    }

    /** The registry fields of an account (seed 000, appendix 3). */
    public record Profile(String fullName, String position, String phone, String email, String nominatedBy) {
        public static final Profile EMPTY = new Profile(null, null, null, null, null);
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

    public Issued create(String login, Profile profile, String organisationCode, Set<Role> roles, boolean active, String address) {
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
        UserEntity user = new UserEntity(normalised, hasher.hash(oneTime.toCharArray()), profile.fullName(), organisationCode,
                roles, true);
        user.setActive(active);
        // A founder's nominee awaits the administrator's approval; the administrator's own accounts are approved.
        user.setProfile(profile.fullName(), profile.position(), profile.phone(), profile.email(),
                profile.nominatedBy() != null ? profile.nominatedBy() : caller.login());
        if (caller.hasAnyRole(Role.ADMINISTRATOR)) {
            user.approve(caller.login());
        }
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

    /** Changes the registry fields, and the roles (administrator only; audited). */
    public Account update(String login, Profile profile, Set<Role> roles, String address) {
        Caller caller = manager();
        UserEntity user = reachable(caller, login);
        Set<Role> before = user.roles();
        boolean rolesChange = roles != null && !roles.isEmpty() && !roles.equals(before);
        if (rolesChange && !caller.hasAnyRole(Role.ADMINISTRATOR)) {
            throw new AccessDeniedException(true, "Роли меняет только администратор");
        }
        store.update(user.login(), u -> {
            u.setProfile(profile.fullName(), profile.position(), profile.phone(), profile.email(),
                    profile.nominatedBy() != null ? profile.nominatedBy() : u.nominatedBy());
            if (rolesChange) {
                u.setRoles(roles);
            }
        });
        if (rolesChange) {
            logins.endSessions(user.login());
            store.record(new SecurityEventEntity(Type.ROLE_CHANGE, user.login(), caller.login(), address, before + " -> " + roles));
        }
        return account(store.find(user.login()).orElseThrow());
    }

    /** The administrator approves a nominated coordinator. */
    public Account approve(String login, String address) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR);
        UserEntity user = reachable(caller, login);
        store.update(user.login(), u -> u.approve(caller.login()));
        store.record(new SecurityEventEntity(Type.ROLE_CHANGE, user.login(), caller.login(), address, "approved"));
        return account(store.find(user.login()).orElseThrow());
    }

    /** The registry of coordinators within the caller's reach, as XLSX. */
    public byte[] registryXlsx(java.util.function.Function<String, String> organisationName) {
        Caller caller = manager();
        Set<Role> coordinators = EnumSet.of(Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR);
        List<List<String>> rows = store.all().stream().filter(u -> reaches(caller, u))
                .filter(u -> u.roles().stream().anyMatch(coordinators::contains))
                .map(u -> java.util.Arrays.asList(u.fullName(), u.position(), u.phone(), u.email(), u.organisationCode(),
                        u.organisationCode() == null ? null : organisationName.apply(u.organisationCode()),
                        u.roles().stream().map(Role::label).collect(Collectors.joining(", ")), u.login(),
                        u.nominatedBy(), u.approvedBy(), u.active() ? "активна" : "не активна"))
                .collect(Collectors.toList());
        return Xlsx.table("Реестр координаторов", List.of("ФИО", "Должность", "Телефон", "E-mail", "Код организации",
                "Организация", "Роль", "Логин", "Кем выдвинут", "Кем утверждён", "Учётная запись"), rows);
    }

    public byte[] eventsXlsx(int max) {
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
                .withZone(java.time.ZoneId.systemDefault());
        List<List<String>> rows = events(max).stream().map(e -> java.util.Arrays.asList(time.format(e.getAt()),
                e.getType().name(), e.getLogin(), e.getActor(), e.getAddress(), e.getDetails())).collect(Collectors.toList());
        return Xlsx.table("Журнал безопасности", List.of("Время", "Событие", "Учётная запись", "Кто", "Адрес", "Подробности"), rows);
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
                user.mustChangePassword(), user.position(), user.phone(), user.email(), user.nominatedBy(), user.approvedBy());
    }
}
