package org.oko.forms.internal.submission;

import org.oko.forms.api.SubmissionState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every state × action × party: allowed with the right next state, or refused for the right reason. */
class WorkflowTest {

    /** "PARTY ACTION FROM -> TO": the only allowed moves, written out by hand from seed 000 and the issue. */
    private static final String[] ALLOWED = {
        "SCHOOL EDIT ASSIGNED -> IN_PROGRESS",
        "SCHOOL EDIT IN_PROGRESS -> IN_PROGRESS",
        "SCHOOL EDIT RETURNED -> RETURNED",
        "SCHOOL SUBMIT ASSIGNED -> SUBMITTED",
        "SCHOOL SUBMIT IN_PROGRESS -> SUBMITTED",
        "SCHOOL SUBMIT RETURNED -> SUBMITTED",
        "VERIFIER RETURN SUBMITTED -> RETURNED",
        "VERIFIER RETURN VERIFIED -> RETURNED",
        "VERIFIER VERIFY SUBMITTED -> VERIFIED",
        "VERIFIER CONFIRM VERIFIED -> CONFIRMED",
        "SELF_CONFIRMER CONFIRM VERIFIED -> CONFIRMED",
        "ADMINISTRATOR LOCK CONFIRMED -> LOCKED",
        "ADMINISTRATOR UNLOCK CONFIRMED -> RETURNED",
        "ADMINISTRATOR UNLOCK LOCKED -> RETURNED",
    };

    @Test
    void everyCombinationOfStateActionAndParty() {
        Map<String, SubmissionState> allowed = new HashMap<>();
        for (String line : ALLOWED) {
            String[] parts = line.split(" ");
            allowed.put(parts[0] + " " + parts[1] + " " + parts[2], SubmissionState.valueOf(parts[4]));
        }
        int checked = 0;
        for (Party party : Party.values()) {
            for (Action action : Action.values()) {
                boolean partyEverMay = allowed.keySet().stream().anyMatch(k -> k.startsWith(party + " " + action + " "));
                for (SubmissionState state : SubmissionState.values()) {
                    Workflow.Decision decision = Workflow.decide(state, action, EnumSet.of(party));
                    SubmissionState expected = allowed.get(party + " " + action + " " + state);
                    String what = party + " " + action + " in " + state;
                    if (expected != null) {
                        assertTrue(decision.allowed(), what);
                        assertEquals(expected, decision.next(), what);
                    } else {
                        assertFalse(decision.allowed(), what);
                        assertEquals(!partyEverMay, decision.roleMayNever(), what + ": refused for the role, not the state");
                        assertNotNull(decision.reason(), what);
                    }
                    checked++;
                }
            }
        }
        assertEquals(Party.values().length * Action.values().length * SubmissionState.values().length, checked);
    }

    @Test
    void theActionsAllowedAreTheOnesDecideAllows() {
        for (int mask = 0; mask < 1 << Party.values().length; mask++) {
            Set<Party> parties = EnumSet.noneOf(Party.class);
            for (Party party : Party.values()) {
                if ((mask & 1 << party.ordinal()) != 0) {
                    parties.add(party);
                }
            }
            for (SubmissionState state : SubmissionState.values()) {
                Set<Action> decided = EnumSet.noneOf(Action.class);
                for (Action action : Action.values()) {
                    if (Workflow.decide(state, action, parties).allowed()) {
                        decided.add(action);
                    }
                }
                assertEquals(decided, Workflow.allowed(state, parties), parties + " in " + state);
            }
        }
    }

    @Test
    void partiesAddUp() {
        // A regional administrator who is also a verifier may verify and lock; a reader alone may do nothing.
        Set<Party> administrator = EnumSet.of(Party.READER, Party.VERIFIER, Party.ADMINISTRATOR);
        assertEquals(EnumSet.of(Action.RETURN, Action.VERIFY), Workflow.allowed(SubmissionState.SUBMITTED, administrator));
        assertEquals(EnumSet.of(Action.LOCK, Action.UNLOCK), Workflow.allowed(SubmissionState.CONFIRMED, administrator));
        for (SubmissionState state : SubmissionState.values()) {
            assertTrue(Workflow.allowed(state, EnumSet.of(Party.READER)).isEmpty(), state.name());
        }
    }

    @Test
    void aLockedSubmissionChangesOnlyThroughUnlock() {
        Set<Party> everyone = EnumSet.allOf(Party.class);
        assertEquals(EnumSet.of(Action.UNLOCK), Workflow.allowed(SubmissionState.LOCKED, everyone));
    }
}
