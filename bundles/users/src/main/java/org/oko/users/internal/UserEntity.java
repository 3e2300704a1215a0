package org.oko.users.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.oko.platform.api.security.Role;

/** An account. The password is stored only as a salted PBKDF2 hash. */
@Entity
@Table(name = "OKO_USER", uniqueConstraints = @UniqueConstraint(name = "UK_USER_LOGIN", columnNames = "LOGIN"))
public class UserEntity {

    @Id
    @TableGenerator(name = "USER_ID", table = "OKO_USERS_ID", pkColumnValue = "USER", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "USER_ID")
    private Long id;

    @Column(name = "LOGIN", nullable = false, length = 64)
    private String login;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "FULL_NAME", length = 300)
    private String fullName;

    @Column(name = "ORGANISATION_CODE", length = 32)
    private String organisationCode;

    // The registry of coordinators (seed 000, appendix 3).
    @Column(name = "POSITION_TITLE", length = 300)
    private String position;

    @Column(name = "PHONE", length = 64)
    private String phone;

    @Column(name = "EMAIL", length = 200)
    private String email;

    @Column(name = "NOMINATED_BY", length = 300)
    private String nominatedBy;

    @Column(name = "APPROVED_BY", length = 64)
    private String approvedBy;

    /** Roles as "ADMINISTRATOR,EXPERT". */
    @Column(name = "ROLES", nullable = false, length = 300)
    private String roles;

    /** For observers: the organisations assigned to them, as "9901001,990200" (their subtrees make the scope). */
    @Column(name = "OBSERVED", length = 16000)
    private String observed;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Column(name = "MUST_CHANGE_PASSWORD", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "PASSWORD_CHANGED_AT")
    private java.sql.Timestamp passwordChangedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected UserEntity() {
        // for JPA
    }

    UserEntity(String login, String passwordHash, String fullName, String organisationCode, Set<Role> roles,
               boolean mustChangePassword) {
        this.login = login;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.organisationCode = organisationCode;
        this.roles = roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.active = true;
        this.mustChangePassword = mustChangePassword;
    }

    String login() {
        return login;
    }

    String passwordHash() {
        return passwordHash;
    }

    String fullName() {
        return fullName;
    }

    String organisationCode() {
        return organisationCode;
    }

    Set<Role> roles() {
        Set<Role> result = EnumSet.noneOf(Role.class);
        if (roles != null && !roles.isBlank()) {
            Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(result::add);
        }
        return result;
    }

    boolean active() {
        return active;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    long version() {
        return version;
    }

    String position() {
        return position;
    }

    String phone() {
        return phone;
    }

    String email() {
        return email;
    }

    String nominatedBy() {
        return nominatedBy;
    }

    String approvedBy() {
        return approvedBy;
    }

    void setProfile(String fullName, String position, String phone, String email, String nominatedBy) {
        this.fullName = fullName;
        this.position = position;
        this.phone = phone;
        this.email = email;
        this.nominatedBy = nominatedBy;
    }

    void setRoles(java.util.Set<Role> roles) {
        this.roles = roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The assigned organisation codes, sorted. */
    java.util.SortedSet<String> observed() {
        java.util.SortedSet<String> result = new java.util.TreeSet<>();
        if (observed != null && !observed.isBlank()) {
            result.addAll(Arrays.asList(observed.split(",")));
        }
        return result;
    }

    void setObserved(java.util.Collection<String> codes) {
        this.observed = codes == null || codes.isEmpty() ? null : String.join(",", new java.util.TreeSet<>(codes));
    }

    void approve(String administrator) {
        this.approvedBy = administrator;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    /** The same password under a stronger hash: nothing else of the account changes. */
    void rehash(String newHash) {
        this.passwordHash = newHash;
    }

    void changePassword(String newHash, boolean oneTime) {
        this.passwordHash = newHash;
        this.mustChangePassword = oneTime;
        this.passwordChangedAt = java.sql.Timestamp.from(Instant.now());
    }
}
