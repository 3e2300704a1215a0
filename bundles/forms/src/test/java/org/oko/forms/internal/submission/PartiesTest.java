package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.security.Scope;

/** Role × founder type → how the caller stands to a school's submission (who edits, verifies, confirms). */
class PartiesTest {

    /** "ROLE FOUNDER_TYPE": the parties, written out by hand from seed 000 (READER always). */
    private static final Map<String, Set<Party>> EXPECTED = new LinkedHashMap<>();

    static {
        for (FounderType type : FounderType.values()) {
            boolean founderVerifies = type == FounderType.MUNICIPAL || type == FounderType.STATE;
            EXPECTED.put("SCHOOL_COORDINATOR " + type, founderVerifies ? EnumSet.of(Party.READER, Party.SCHOOL)
                    : EnumSet.of(Party.READER, Party.SCHOOL, Party.SELF_CONFIRMER));
            EXPECTED.put("FOUNDER_COORDINATOR " + type, founderVerifies ? EnumSet.of(Party.READER, Party.VERIFIER) : EnumSet.of(Party.READER));
            EXPECTED.put("REGIONAL_COORDINATOR " + type, EnumSet.of(Party.READER, Party.VERIFIER));
            EXPECTED.put("ADMINISTRATOR " + type, EnumSet.of(Party.READER, Party.VERIFIER, Party.ADMINISTRATOR));
            EXPECTED.put("MINISTRY_OFFICIAL " + type, EnumSet.of(Party.READER));
            EXPECTED.put("EXPERT " + type, EnumSet.of(Party.READER));
            EXPECTED.put("OBSERVER " + type, EnumSet.of(Party.READER));
        }
    }

    @Test
    void everyRoleAndFounderType() {
        assertEquals(Role.values().length * FounderType.values().length, EXPECTED.size(), "every role is in the table");
        for (Role role : Role.values()) {
            for (FounderType type : FounderType.values()) {
                String key = role + " " + type;
                assertEquals(EXPECTED.get(key), SubmissionService.parties(caller(role), school(type)), key);
            }
        }
    }

    @Test
    void aSchoolCoordinatorWhoIsAlsoFounderCoordinatorHoldsBothParts() {
        Caller both = new Caller("both", "S1", EnumSet.of(Role.SCHOOL_COORDINATOR, Role.FOUNDER_COORDINATOR), Scope.of(Set.of("S1")));
        assertEquals(EnumSet.of(Party.READER, Party.SCHOOL, Party.VERIFIER), SubmissionService.parties(both, school(FounderType.MUNICIPAL)));
        assertEquals(EnumSet.of(Party.READER, Party.SCHOOL, Party.SELF_CONFIRMER), SubmissionService.parties(both, school(FounderType.PRIVATE)));
    }

    /** An organisation the catalog no longer knows: nobody but the region verifies, a school confirms itself. */
    @Test
    void unknownOrganisation() {
        assertEquals(EnumSet.of(Party.READER), SubmissionService.parties(caller(Role.FOUNDER_COORDINATOR), (Organisation) null));
        assertEquals(EnumSet.of(Party.READER, Party.SCHOOL, Party.SELF_CONFIRMER), SubmissionService.parties(caller(Role.SCHOOL_COORDINATOR), (Organisation) null));
        assertEquals(EnumSet.of(Party.READER, Party.VERIFIER), SubmissionService.parties(caller(Role.REGIONAL_COORDINATOR), (Organisation) null));
    }

    private static Caller caller(Role role) {
        return new Caller(role.name().toLowerCase(), "S1", EnumSet.of(role), Scope.of(Set.of("S1")));
    }

    private static Organisation school(FounderType type) {
        return new Organisation("S1", OrganisationKind.SCHOOL, "Школа 1", "Школа 1", type, type == FounderType.MUNICIPAL ? "F1" : null,
                "T1", null, Set.of(), null, null, null, null, null, null, null, 0);
    }
}
