package org.oko.users.internal;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.rest.ApiException;
import org.oko.catalog.api.CatalogService;
import org.oko.platform.api.security.Authenticator;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.security.Scope;
import org.oko.users.internal.SecurityEventEntity.Type;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password login for the web and the console, lockout, web sessions and password changes. As the
 * platform's {@link Authenticator} it turns session cookies into callers.
 */
@Component(service = {LoginService.class, Authenticator.class}, configurationPid = "org.oko.users",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = UsersConfig.class)
public class LoginService implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    /** Compared against when the login is unknown, so that unknown and known logins take equally long. */
    private static final String DUMMY_HASH = new PasswordHasher().hash("not-a-password-0".toCharArray());

    /**
     * LOCKED: the login name is locked after too many failures; BACKOFF: too soon after the latest
     * failures of the name; ADDRESS_LOCKED: too many failures from the client's address. In all
     * three the password was not checked and the attempt did not count.
     */
    public enum Outcome { OK, FAILED, LOCKED, BACKOFF, ADDRESS_LOCKED, INACTIVE, CONSOLE_NEEDS_NEW_PASSWORD }

    /** Result of a login: for OK, the session token and whether the password must be changed first; when refused, until when. */
    public record Result(Outcome outcome, String token, Caller caller, boolean mustChangePassword, Instant lockedUntil) {

        /** Whole seconds until the next attempt may go ahead (at least 1); 0 when not refused. */
        public long retryAfterSeconds() {
            if (lockedUntil == null) {
                return 0;
            }
            long millis = Duration.between(Instant.now(), lockedUntil).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    /** A password change refused by the throttle: too many failures; carries when to try again. */
    public static final class Throttled extends RuntimeException {
        private final transient Result result;

        Throttled(Result result) {
            super("throttled: " + result.outcome());
            this.result = result;
        }

        public Result result() {
            return result;
        }
    }

    @Reference
    private AccountStore store;

    @Reference
    private CatalogService catalog;

    @Reference
    private SessionTable sessionTable;

    @Reference
    private org.oko.platform.api.PlatformSettings platform;

    private final PasswordHasher hasher = new PasswordHasher();
    private final Clock clock = Clock.systemUTC();
    private LoginThrottle throttle;
    private Sessions sessions;
    private volatile UsersConfig config;

    @Activate
    void activate(BundleContext context, UsersConfig config) throws IOException {
        throttle = new LoginThrottle(clock, config.lockout_failures(), Duration.ofMinutes(config.lockout_minutes()));
        configureThrottle(config);
        Duration idle = Duration.ofMinutes(config.session_idle_minutes());
        Duration lifetime = Duration.ofHours(config.session_max_hours());
        // Embedded Derby is one node: its sessions stay in memory. A database server may have several nodes behind a
        // balancer: any of them must serve any session, also after the one that opened it died.
        sessions = platform.embeddedDatabase() ? new SessionRegistry(clock, idle, lifetime)
                : new SharedSessions(clock, idle, lifetime, sessionTable,
                        login -> store.find(login).filter(UserEntity::active).map(this::callerOf));
        this.config = config;
        bootstrapAdministrator(context, config);
    }

    @Modified
    void modified(UsersConfig config) {
        throttle.configure(config.lockout_failures(), Duration.ofMinutes(config.lockout_minutes()));
        configureThrottle(config);
        sessions.configure(Duration.ofMinutes(config.session_idle_minutes()), Duration.ofHours(config.session_max_hours()));
        this.config = config;
    }

    private void configureThrottle(UsersConfig config) {
        throttle.configureBackoff(Duration.ofSeconds(Math.max(1, config.backoff_seconds())),
                Duration.ofSeconds(Math.max(config.backoff_seconds(), config.backoff_max_seconds())));
        throttle.configureAddresses(Math.max(1, config.address_failures()), Duration.ofMinutes(Math.max(1, config.address_minutes())));
    }

    UsersConfig config() {
        return config;
    }

    public Duration sessionLifetime() {
        return sessions.lifetime();
    }

    public int lockoutMinutes() {
        return config.lockout_minutes();
    }

    public boolean secureCookies() {
        return config.cookie_secure();
    }

    /** Web login: opens a session on success. */
    public Result login(String login, char[] password, String address) {
        Result checked = check(login, password, address);
        if (checked.outcome() != Outcome.OK) {
            return checked;
        }
        String token = sessions.open(checked.caller(), checked.mustChangePassword());
        return new Result(Outcome.OK, token, checked.caller(), checked.mustChangePassword(), null);
    }

    /** Console login (JAAS): no session, and an account with a one-time password must change it on the web first. */
    public Result consoleLogin(String login, char[] password, String address) {
        Result checked = check(login, password, address);
        if (checked.outcome() == Outcome.OK && checked.mustChangePassword()) {
            return new Result(Outcome.CONSOLE_NEEDS_NEW_PASSWORD, null, null, true, null);
        }
        return checked;
    }

    private Result check(String rawLogin, char[] password, String address) {
        // Logins are stored lower-cased (AccountAdmin): the name typed is found whatever its case.
        String login = rawLogin == null ? "" : rawLogin.trim().toLowerCase(Locale.ROOT);
        Result refused = refused(login, address);
        if (refused != null) {
            return refused;
        }
        try {
            Optional<UserEntity> user = login.isEmpty() ? Optional.empty() : store.find(login);
            boolean passwordMatches = hasher.matches(password, user.map(UserEntity::passwordHash).orElse(DUMMY_HASH))
                    && user.isPresent();
            if (!passwordMatches) {
                store.record(new SecurityEventEntity(Type.LOGIN_FAILURE, login, null, address,
                        user.isPresent() ? "wrong password" : "unknown login"));
                recordFailure(login, address);
                return new Result(Outcome.FAILED, null, null, false, null);
            }
            UserEntity account = user.get();
            if (!account.active()) {
                store.record(new SecurityEventEntity(Type.LOGIN_FAILURE, account.login(), null, address, "inactive account"));
                return new Result(Outcome.INACTIVE, null, null, false, null);
            }
            throttle.succeeded(login);
            if (hasher.needsRehash(account.passwordHash())) {
                // Hashes made with fewer iterations than today's are upgraded while the password is at hand.
                store.rehash(account.login(), account.passwordHash(), hasher.hash(password));
            }
            store.record(new SecurityEventEntity(Type.LOGIN_SUCCESS, account.login(), null, address, null));
            return new Result(Outcome.OK, null, callerOf(account), account.mustChangePassword(), null);
        } finally {
            throttle.done(login);
        }
    }

    /** A refusal by the throttle, recorded; null when the attempt may go ahead. */
    private Result refused(String login, String address) {
        LoginThrottle.Refusal refusal = throttle.begin(login, address);
        if (refusal == null) {
            return null;
        }
        Outcome outcome = switch (refusal.reason()) {
            case LOCKED -> Outcome.LOCKED;
            case BACKOFF -> Outcome.BACKOFF;
            case ADDRESS -> Outcome.ADDRESS_LOCKED;
        };
        Result result = new Result(outcome, null, null, false, refusal.until());
        String details = switch (outcome) {
            case LOCKED -> "account locked";
            case BACKOFF -> "too soon after failures: retry in " + result.retryAfterSeconds() + " s";
            default -> "address locked";
        };
        store.record(new SecurityEventEntity(Type.LOGIN_FAILURE, login, null, address, details));
        return result;
    }

    /** Counts a failed password of the name and address; records the lockouts it causes. */
    private void recordFailure(String login, String address) {
        LoginThrottle.Failure failure = throttle.failed(login, address);
        if (failure.nameLocked()) {
            store.record(new SecurityEventEntity(Type.LOCKOUT, login, null, address,
                    "locked for " + config.lockout_minutes() + " min after " + config.lockout_failures() + " failures"));
            LOG.warn("Login {} locked after {} failures from {}", login, config.lockout_failures(), address);
        }
        if (failure.addressLocked()) {
            store.record(new SecurityEventEntity(Type.LOCKOUT, login, null, address, "address " + address + " locked for "
                    + config.address_minutes() + " min after " + config.address_failures() + " failures"));
            LOG.warn("Address {} locked after {} failed logins", address, config.address_failures());
        }
    }

    /** Until a one-time password is replaced, the session has no roles and no scope. */
    private Caller callerOf(UserEntity account) {
        if (account.mustChangePassword()) {
            return new Caller(account.login(), account.organisationCode(), Set.of(), Scope.NONE);
        }
        Set<Role> roles = account.roles();
        return new Caller(account.login(), account.organisationCode(), roles,
                Scopes.of(roles, account.organisationCode(), account.observed(), catalog));
    }

    /**
     * Replaces the password of the session's account; ends its other sessions and opens a fresh one.
     *
     * @return the new session token
     * @throws IllegalArgumentException with the reasons, in Russian, when the change is refused
     */
    public String changePassword(String token, char[] oldPassword, char[] newPassword, String address) {
        Caller caller = session(token).map(Session::caller)
                .orElseThrow(() -> new IllegalStateException("no session"));
        UserEntity account = store.find(caller.login()).orElseThrow(() -> new IllegalStateException("no account"));
        // The old password is a password guess like a login: the same lock, backoff and count.
        Result refused = refused(caller.login(), address);
        if (refused != null) {
            throw new Throttled(refused);
        }
        try {
            if (!hasher.matches(oldPassword, account.passwordHash())) {
                store.record(new SecurityEventEntity(Type.PASSWORD_CHANGE, caller.login(), null, address, "refused: wrong old password"));
                recordFailure(caller.login(), address);
                throw TEXTS.refusal(ApiException.Kind.INVALID, "auth.old-password-wrong")
                        .withField("oldPassword");
            }
            throttle.succeeded(caller.login());
        } finally {
            throttle.done(caller.login());
        }
        List<ApiMessage> problems = new java.util.ArrayList<>(new PasswordPolicy().messages(caller.login(), newPassword));
        if (hasher.matches(newPassword, account.passwordHash())) {
            problems.add(TEXTS.text("password.same"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ApiException.Kind.INVALID, "auth.password-weak", UsersTexts.joined(problems));
        }
        store.changePassword(caller.login(), hasher.hash(newPassword), false);
        store.record(new SecurityEventEntity(Type.PASSWORD_CHANGE, caller.login(), null, address, null));
        sessions.closeAll(caller.login());
        UserEntity changed = store.find(caller.login()).orElseThrow();
        return sessions.open(callerOf(changed), false);
    }

    /** Ends every web session of an account: deactivated, or its password was reset. */
    public void endSessions(String login) {
        sessions.closeAll(login);
    }

    public void logout(String token, String address) {
        session(token).ifPresent(s -> store.record(new SecurityEventEntity(Type.LOGOUT, s.caller().login(), null, address, null)));
        sessions.close(token);
    }

    @Override
    public Optional<Caller> consoleCaller(String login) {
        return login == null ? Optional.empty() : store.find(login.trim().toLowerCase(Locale.ROOT))
                .filter(u -> u.active() && !u.mustChangePassword()).map(this::callerOf);
    }

    @Override
    public Optional<Session> session(String sessionToken) {
        return sessions.find(sessionToken);
    }

    /** The first administrator, when there is no account at all; its password comes from a file only the operator reads. */
    private void bootstrapAdministrator(BundleContext context, UsersConfig config) throws IOException {
        if (store.count() > 0) {
            return;
        }
        Path file = Path.of(config.bootstrap_admin_password_file().replace("${karaf.etc}", context.getProperty("karaf.etc")));
        if (!Files.exists(file)) {
            Files.writeString(file, OneTimePasswords.generate() + OneTimePasswords.generate() + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.debug("cannot restrict permissions of {}", file);
            }
        }
        char[] password = Files.readString(file, StandardCharsets.UTF_8).trim().toCharArray();
        String login = config.bootstrap_admin_login().trim().toLowerCase(Locale.ROOT); // logins are looked up lower-cased
        store.create(new UserEntity(login, hasher.hash(password), Role.ADMINISTRATOR.label(), null, EnumSet.of(Role.ADMINISTRATOR), false));
        store.record(new SecurityEventEntity(Type.ACCOUNT_CREATED, login, "system", null, "first administrator"));
        LOG.info("First administrator '{}' created; the password is in {}", login, file);
    }
}
