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
        // Municipal and state schools are verified by their founder; federal and private ones confirm themselves.
        expect("SCHOOL_COORDINATOR MUNICIPAL", Party.READER, Party.SCHOOL);
        expect("SCHOOL_COORDINATOR STATE", Party.READER, Party.SCHOOL);
        expect("SCHOOL_COORDINATOR FEDERAL", Party.READER, Party.SCHOOL, Party.SELF_CONFIRMER);
        expect("SCHOOL_COORDINATOR PRIVATE", Party.READER, Party.SCHOOL, Party.SELF_CONFIRMER);
        expect("FOUNDER_COORDINATOR MUNICIPAL", Party.READER, Party.VERIFIER);
        expect("FOUNDER_COORDINATOR STATE", Party.READER, Party.VERIFIER);
        expect("FOUNDER_COORDINATOR FEDERAL", Party.READER);
        expect("FOUNDER_COORDINATOR PRIVATE", Party.READER);
        expect("REGIONAL_COORDINATOR MUNICIPAL", Party.READER, Party.VERIFIER);
        expect("REGIONAL_COORDINATOR STATE", Party.READER, Party.VERIFIER);
        expect("REGIONAL_COORDINATOR FEDERAL", Party.READER, Party.VERIFIER);
        expect("REGIONAL_COORDINATOR PRIVATE", Party.READER, Party.VERIFIER);
        expect("ADMINISTRATOR MUNICIPAL", Party.READER, Party.VERIFIER, Party.ADMINISTRATOR);
        expect("ADMINISTRATOR STATE", Party.READER, Party.VERIFIER, Party.ADMINISTRATOR);
        expect("ADMINISTRATOR FEDERAL", Party.READER, Party.VERIFIER, Party.ADMINISTRATOR);
        expect("ADMINISTRATOR PRIVATE", Party.READER, Party.VERIFIER, Party.ADMINISTRATOR);
        expect("MINISTRY_OFFICIAL MUNICIPAL", Party.READER);
        expect("MINISTRY_OFFICIAL STATE", Party.READER);
        expect("MINISTRY_OFFICIAL FEDERAL", Party.READER);
        expect("MINISTRY_OFFICIAL PRIVATE", Party.READER);
        expect("EXPERT MUNICIPAL", Party.READER);
        expect("EXPERT STATE", Party.READER);
        expect("EXPERT FEDERAL", Party.READER);
        expect("EXPERT PRIVATE", Party.READER);
        expect("OBSERVER MUNICIPAL", Party.READER);
        expect("OBSERVER STATE", Party.READER);
        expect("OBSERVER FEDERAL", Party.READER);
        expect("OBSERVER PRIVATE", Party.READER);
    }

    private static void expect(String key, Party first, Party... rest) {
        EXPECTED.put(key, EnumSet.of(first, rest));
    }

    @Test
    void everyRoleAndFounderType() {
        assertEquals(Role.values().length * FounderType.values().length, EXPECTED.size(), "every role is in the table");
        for (Role role : Role.values()) {
            for (FounderType type : FounderType.values()) {
                String key = role + " " + type;
                assertEquals(EXPECTED.get(key), SubmissionAccess.parties(caller(role), school(type)), key);
            }
        }
    }

    @Test
    void aSchoolCoordinatorWhoIsAlsoFounderCoordinatorHoldsBothParts() {
        Caller both = new Caller("both", "S1", EnumSet.of(Role.SCHOOL_COORDINATOR, Role.FOUNDER_COORDINATOR), Scope.of(Set.of("S1")));
        assertEquals(EnumSet.of(Party.READER, Party.SCHOOL, Party.VERIFIER), SubmissionAccess.parties(both, school(FounderType.MUNICIPAL)));
        assertEquals(EnumSet.of(Party.READER, Party.SCHOOL, Party.SELF_CONFIRMER), SubmissionAccess.parties(both, school(FounderType.PRIVATE)));
    }

    /** An organisation the catalog no longer knows: nobody but the region verifies, a school confirms itself. */
    @Test
    void unknownOrganisation() {
        assertEquals(EnumSet.of(Party.READER), SubmissionAccess.parties(caller(Role.FOUNDER_COORDINATOR), (Organisation) null));
        assertEquals(EnumSet.of(Party.READER, Party.SCHOOL, Party.SELF_CONFIRMER), SubmissionAccess.parties(caller(Role.SCHOOL_COORDINATOR), (Organisation) null));
        assertEquals(EnumSet.of(Party.READER, Party.VERIFIER), SubmissionAccess.parties(caller(Role.REGIONAL_COORDINATOR), (Organisation) null));
    }

    private static Caller caller(Role role) {
        return new Caller(role.name().toLowerCase(), "S1", EnumSet.of(role), Scope.of(Set.of("S1")));
    }

    private static Organisation school(FounderType type) {
        return new Organisation("S1", OrganisationKind.SCHOOL, "Школа 1", "Школа 1", type, type == FounderType.MUNICIPAL ? "F1" : null,
                "T1", null, Set.of(), null, null, null, null, null, null, null, 0);
    }
}
