package org.oko.users.internal;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.rest.ApiException;
import org.oko.catalog.api.CatalogService;
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
                          String nominatedBy, String approvedBy, List<String> observed) {
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

    @Reference
    private CatalogService catalog;

    private final PasswordHasher hasher = new PasswordHasher();

    public List<Account> list() {
        Caller caller = manager();
        Predicate<UserEntity> reach = reach(caller);
        return store.all().stream().filter(reach).map(AccountAdmin::account).collect(Collectors.toList());
    }

    public Issued create(String login, Profile profile, String organisationCode, Set<Role> roles, boolean active, String address) {
        Caller caller = manager();
        String normalised = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        if (!normalised.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "account.login-invalid").withField("login");
        }
        if (roles == null || roles.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "account.roles-missing").withField("roles");
        }
        if (!caller.hasAnyRole(Role.ADMINISTRATOR)
                && (!roles.equals(EnumSet.of(Role.SCHOOL_COORDINATOR)) || !foundersSchools(caller).test(organisationCode))) {
            throw new AccessDeniedException(true, TEXTS.text("account.founder-creates-own"));
        }
        AccountRules.check(roles, organisationCode, catalog);
        if (store.find(normalised).isPresent()) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "account.login-taken", normalised)
                    .withField("login");
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
            throw new AccessDeniedException(true, TEXTS.text("account.roles-admin-only"));
        }
        if (rolesChange) {
            AccountRules.check(roles, user.organisationCode(), catalog);
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

    /** At most this many organisations are assigned to one observer (each brings its subtree). */
    static final int MAX_OBSERVED = 400;

    /**
     * Replaces what an observer is assigned: organisations whose catalog subtrees the observer may
     * read. The administrator and the regional coordinator assign any organisation to any observer;
     * a founder coordinator only its own schools, to observers of its own organisation or schools,
     * and leaves assignments outside its schools as they are. Organisations out of the editor's
     * reach answer like unknown ones. The observer's sessions end, so the new scope applies at once.
     */
    public Account setObserved(String login, List<String> codes, String address) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR);
        boolean regionWide = caller.hasAnyRole(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR);
        Set<String> editorReach = regionWide ? Set.of() : founderSubtree(caller);
        UserEntity user = store.find(normalise(login))
                .filter(u -> regionWide || (u.roles().contains(Role.OBSERVER) && editorReach.contains(u.organisationCode())))
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "account.not-found", login));
        if (!user.roles().contains(Role.OBSERVER)) {
            throw new ApiException(ApiException.Kind.INVALID, "account.not-observer", new ApiMessage(
                    TEXTS.ru("account.not-observer", user.login(), Role.OBSERVER.label()),
                    TEXTS.in("en", "account.not-observer", user.login(), Role.OBSERVER.label("en"))));
        }
        java.util.TreeSet<String> given = new java.util.TreeSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            if (code != null && !code.isBlank()) {
                given.add(code.trim());
            }
        }
        if (given.size() > MAX_OBSERVED) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "account.observed-too-many", MAX_OBSERVED).withField("organisations");
        }
        List<String> unknown = given.stream().filter(code -> (!regionWide && !editorReach.contains(code))
                || AccountRules.lookUp(catalog, code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "account.observed-unknown", String.join(", ", unknown)).withField("organisations");
        }
        AccountRules.check(user.roles(), user.organisationCode(), catalog); // an old account that also writes gets none
        java.util.SortedSet<String> before = new java.util.TreeSet<>();
        java.util.TreeSet<String> after = new java.util.TreeSet<>(given);
        // Read and written in one transaction: two founders editing one observer keep each other's codes.
        store.update(user.login(), u -> {
            before.addAll(u.observed());
            if (!regionWide) {
                // A founder edits its own schools' part of the list only.
                before.stream().filter(code -> !editorReach.contains(code)).forEach(after::add);
            }
            u.setObserved(after);
        });
        if (!after.equals(before)) {
            logins.endSessions(user.login());
            store.record(new SecurityEventEntity(Type.ROLE_CHANGE, user.login(), caller.login(), address,
                    "observed " + before + " -> " + after));
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
        List<List<String>> rows = store.all().stream().filter(reach(caller))
                .filter(u -> u.roles().stream().anyMatch(coordinators::contains))
                .map(u -> java.util.Arrays.asList(u.fullName(), u.position(), u.phone(), u.email(), u.organisationCode(),
                        u.organisationCode() == null ? null : organisationName.apply(u.organisationCode()),
                        u.roles().stream().map(Role::label).collect(Collectors.joining(", ")), u.login(),
                        u.nominatedBy(), u.approvedBy(), TEXTS.ru(u.active() ? "account.active" : "account.inactive")))
                .collect(Collectors.toList());
        return Xlsx.table(TEXTS.ru("registry.sheet"), UsersTexts.list("registry.columns"), rows);
    }

    public byte[] eventsXlsx(int max) {
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
                .withZone(java.time.ZoneId.systemDefault());
        List<List<String>> rows = events(max).stream().map(e -> java.util.Arrays.asList(time.format(e.getAt()),
                e.getType().name(), e.getLogin(), e.getActor(), e.getAddress(), e.getDetails())).collect(Collectors.toList());
        return Xlsx.table(TEXTS.ru("events.sheet"), UsersTexts.list("events.columns"), rows);
    }

    public List<SecurityEventEntity> events(int max) {
        CallerContext.require(Role.ADMINISTRATOR);
        return store.events(Math.max(1, Math.min(max, 10_000)));
    }

    private static Caller manager() {
        return CallerContext.require(Role.ADMINISTRATOR, Role.FOUNDER_COORDINATOR);
    }

    private UserEntity reachable(Caller caller, String login) {
        return store.find(normalise(login)).filter(reach(caller))
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "account.not-found", login));
    }

    private static String normalise(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }

    /** Administrators reach everyone; founder coordinators the school coordinators of their schools. */
    private Predicate<UserEntity> reach(Caller caller) {
        if (caller.hasAnyRole(Role.ADMINISTRATOR)) {
            return u -> true;
        }
        Predicate<String> schools = foundersSchools(caller);
        return u -> u.roles().equals(EnumSet.of(Role.SCHOOL_COORDINATOR)) && schools.test(u.organisationCode());
    }

    /**
     * The organisations a founder coordinator manages: its own organisation's subtree in the catalog,
     * itself excluded. Taken from the catalog, not from the caller's scope, so that nothing else the
     * account may see ever counts as its schools.
     */
    private Predicate<String> foundersSchools(Caller caller) {
        Set<String> subtree = founderSubtree(caller);
        return code -> code != null && !code.equals(caller.organisationCode()) && subtree.contains(code);
    }

    private Set<String> founderSubtree(Caller caller) {
        if (!caller.hasAnyRole(Role.FOUNDER_COORDINATOR) || caller.organisationCode() == null) {
            return Set.of();
        }
        Set<String> subtree = new java.util.HashSet<>();
        CallerContext.runAs(Caller.SYSTEM, () -> subtree.addAll(catalog.subtree(caller.organisationCode())));
        return subtree;
    }

    private static Account account(UserEntity user) {
        return new Account(user.login(), user.fullName(), user.organisationCode(), user.roles(), user.active(),
                user.mustChangePassword(), user.position(), user.phone(), user.email(), user.nominatedBy(), user.approvedBy(),
                List.copyOf(user.observed()));
    }
}
