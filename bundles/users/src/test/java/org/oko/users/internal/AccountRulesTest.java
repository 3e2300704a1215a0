package org.oko.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.platform.api.security.Role;

class AccountRulesTest {

    private static Organisation org(String code, OrganisationKind kind) {
        return new Organisation(code, kind, code, code, null, null, null, null, Set.of(), null, null, null,
                OrganisationStatus.ACTIVE, null, null, null, 0);
    }

    private static final Organisation SCHOOL = org("S1", OrganisationKind.SCHOOL);
    private static final Organisation AUTHORITY = org("M1", OrganisationKind.MUNICIPAL_AUTHORITY);
    private static final Organisation MINISTRY = org("MIN", OrganisationKind.MINISTRY);
    private static final Organisation CENTRE = org("RC", OrganisationKind.REGIONAL_CENTRE);
    private static final Organisation OTHER = org("X", OrganisationKind.OTHER);

    private static List<String> problems(Organisation organisation, Role... roles) {
        return AccountRules.problems(EnumSet.of(roles[0], roles), organisation == null ? null : organisation.code(), organisation);
    }

    @Test
    void validAccountsPass() {
        assertEquals(List.of(), problems(SCHOOL, Role.SCHOOL_COORDINATOR));
        assertEquals(List.of(), problems(SCHOOL, Role.SCHOOL_COORDINATOR, Role.EXPERT));
        assertEquals(List.of(), problems(AUTHORITY, Role.FOUNDER_COORDINATOR));
        assertEquals(List.of(), problems(MINISTRY, Role.FOUNDER_COORDINATOR), "the ministry founds the state schools");
        assertEquals(List.of(), problems(CENTRE, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL));
        assertEquals(List.of(), problems(MINISTRY, Role.MINISTRY_OFFICIAL));
        assertEquals(List.of(), problems(null, Role.ADMINISTRATOR), "the first administrator has no organisation");
        assertEquals(List.of(), problems(OTHER, Role.OBSERVER, Role.EXPERT));
        assertEquals(List.of(), problems(CENTRE, Role.OBSERVER, Role.REGIONAL_COORDINATOR));
    }

    @Test
    void regionWideRolesNeverCombineWithCoordinatorsOfOneOrganisation() {
        for (Role wide : AccountRules.REGION_WIDE) {
            assertEquals(1, problems(SCHOOL, Role.SCHOOL_COORDINATOR, wide).stream().filter(p -> p.contains("не совмещаются")).count(), wide.name());
            assertEquals(1, problems(AUTHORITY, Role.FOUNDER_COORDINATOR, wide).stream().filter(p -> p.contains("не совмещаются")).count());
            assertEquals(1, problems(MINISTRY, Role.FOUNDER_COORDINATOR, wide).size(), "even on the ministry");
        }
    }

    @Test
    void rolesFitTheKindOfOrganisation() {
        assertTrue(problems(AUTHORITY, Role.SCHOOL_COORDINATOR).get(0).contains("только в образовательной организации"));
        assertTrue(problems(null, Role.SCHOOL_COORDINATOR).get(0).contains("укажите код ОО"));
        assertTrue(problems(SCHOOL, Role.FOUNDER_COORDINATOR).get(0).contains("органе управления образованием"));
        assertTrue(problems(CENTRE, Role.FOUNDER_COORDINATOR).get(0).contains("органе управления образованием"));
        assertTrue(problems(AUTHORITY, Role.REGIONAL_COORDINATOR).get(0).contains("министерстве или региональном центре"));
        assertTrue(problems(SCHOOL, Role.ADMINISTRATOR).get(0).contains("министерстве или региональном центре"));
        assertTrue(problems(OTHER, Role.MINISTRY_OFFICIAL).get(0).contains("министерстве или региональном центре"));
    }

    @Test
    void observersNeverWidenACoordinatorsWrites() {
        assertTrue(problems(SCHOOL, Role.SCHOOL_COORDINATOR, Role.OBSERVER).get(0).contains("Наблюдатель"));
        assertTrue(problems(AUTHORITY, Role.FOUNDER_COORDINATOR, Role.OBSERVER).get(0).contains("Наблюдатель"));
    }

    @Test
    void anUnknownOrganisationIsRefused() {
        assertEquals(List.of("Организация с кодом Z9 не найдена в каталоге"),
                AccountRules.problems(EnumSet.of(Role.OBSERVER), "Z9", null));
    }
}
