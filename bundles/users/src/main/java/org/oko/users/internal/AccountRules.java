package org.oko.users.internal;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;

/**
 * Which roles fit which organisation. The scope belongs to the account, not to each role, so a
 * role combination must never widen what a writing role reaches: a school coordinator who also
 * held a region-wide role would otherwise fill in any school's forms. Hence:
 * <ul>
 * <li>the organisation, when given, exists in the catalog;</li>
 * <li>{@code SCHOOL_COORDINATOR} only on a school; {@code FOUNDER_COORDINATOR} only on a founder
 *     (a municipal authority, or the ministry for state schools);</li>
 * <li>region-wide roles (administrator, regional coordinator, ministry official) only on a
 *     region-level organisation (the ministry, the regional centre) or none, and never together
 *     with the school or founder coordinator;</li>
 * <li>{@code OBSERVER} never together with the school or founder coordinator: its assigned
 *     organisations would widen their write scope.</li>
 * </ul>
 */
final class AccountRules {

    static final Set<Role> REGION_WIDE = EnumSet.of(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL);
    static final Set<Role> ORGANISATION_BOUND = EnumSet.of(Role.SCHOOL_COORDINATOR, Role.FOUNDER_COORDINATOR);
    private static final Set<OrganisationKind> REGION_LEVEL = EnumSet.of(OrganisationKind.MINISTRY, OrganisationKind.REGIONAL_CENTRE);
    static final Set<OrganisationKind> FOUNDERS = EnumSet.of(OrganisationKind.MUNICIPAL_AUTHORITY, OrganisationKind.MINISTRY);

    private AccountRules() {
    }

    /** Checks an account's roles against its organisation, looked up in the catalog. */
    static void check(Set<Role> roles, String organisationCode, CatalogService catalog) {
        Optional<Organisation> organisation = organisationCode == null || organisationCode.isBlank() ? Optional.empty()
                : lookUp(catalog, organisationCode);
        List<ApiMessage> problems = messages(roles, organisationCode, organisation.orElse(null));
        if (!problems.isEmpty()) {
            throw new ApiException(ApiException.Kind.INVALID, "account.roles-unfit", UsersTexts.joined(problems));
        }
    }

    /** The organisation as the system sees it: the catalog answers every code only to the system. */
    static Optional<Organisation> lookUp(CatalogService catalog, String code) {
        return CallerContext.asSystem(() -> catalog.organisation(code));
    }

    /**
     * @param organisationCode the code given, null or blank for none
     * @param organisation     the catalog's organisation of that code, null when none was given or it does not exist
     * @return the reasons, in Russian, why the combination is refused; empty when it is fine
     */
    static List<String> problems(Set<Role> roles, String organisationCode, Organisation organisation) {
        return messages(roles, organisationCode, organisation).stream().map(ApiMessage::ru).toList();
    }

    /** The reasons in both languages; the texts are {@code roles.*} of {@link UsersTexts}. */
    static List<ApiMessage> messages(Set<Role> roles, String organisationCode, Organisation organisation) {
        List<ApiMessage> problems = new ArrayList<>();
        boolean given = organisationCode != null && !organisationCode.isBlank();
        if (given && organisation == null) {
            problems.add(TEXTS.text("roles.organisation-unknown", organisationCode));
            return problems;
        }
        OrganisationKind kind = organisation == null ? null : organisation.kind();
        Set<Role> regionWide = roles.stream().filter(REGION_WIDE::contains).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Set<Role> bound = roles.stream().filter(ORGANISATION_BOUND::contains).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        if (!regionWide.isEmpty() && !bound.isEmpty()) {
            problems.add(both("roles.region-wide-with-bound", in -> new Object[] {labels(regionWide, in), labels(bound, in)}));
        }
        if (roles.contains(Role.OBSERVER) && !bound.isEmpty()) {
            problems.add(both("roles.observer-with-bound", in -> new Object[] {Role.OBSERVER.label(in), labels(bound, in)}));
        }
        if (roles.contains(Role.SCHOOL_COORDINATOR) && kind != OrganisationKind.SCHOOL) {
            problems.add(both(given ? "roles.school-only.given" : "roles.school-only",
                    in -> new Object[] {Role.SCHOOL_COORDINATOR.label(in), organisationCode, kind(kind, in)}));
        }
        if (roles.contains(Role.FOUNDER_COORDINATOR) && !FOUNDERS.contains(kind)) {
            problems.add(both(given ? "roles.founder-only.given" : "roles.founder-only",
                    in -> new Object[] {Role.FOUNDER_COORDINATOR.label(in), organisationCode, kind(kind, in)}));
        }
        if (!regionWide.isEmpty() && kind != null && !REGION_LEVEL.contains(kind)) {
            problems.add(both("roles.region-level-only", in -> new Object[] {labels(regionWide, in), organisationCode, kind(kind, in)}));
        }
        return problems;
    }

    /** The text of {@code key} with arguments written in each language (the roles' names, the kind of organisation). */
    private static ApiMessage both(String key, Function<String, Object[]> arguments) {
        return new ApiMessage(TEXTS.in("ru", key, arguments.apply("ru")), TEXTS.in("en", key, arguments.apply("en")));
    }

    private static String labels(Set<Role> roles, String language) {
        return roles.stream().map(r -> "«" + r.label(language) + "»").collect(Collectors.joining(", "));
    }

    /** The kind of organisation in lower case: the catalog's Russian name, in English its constant's words. */
    private static String kind(OrganisationKind kind, String language) {
        if (kind == null) {
            return null;
        }
        return "en".equals(language) ? kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') : kind.label().toLowerCase();
    }
}
