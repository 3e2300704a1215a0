package org.oko.forms.internal.submission;

import org.oko.forms.api.SubmissionState;
import static org.oko.forms.api.SubmissionState.ASSIGNED;
import static org.oko.forms.api.SubmissionState.CONFIRMED;
import static org.oko.forms.api.SubmissionState.IN_PROGRESS;
import static org.oko.forms.api.SubmissionState.LOCKED;
import static org.oko.forms.api.SubmissionState.RETURNED;
import static org.oko.forms.api.SubmissionState.SUBMITTED;
import static org.oko.forms.api.SubmissionState.VERIFIED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The submission workflow as a table: who may take which action in which state, and where it
 * leads. Pure: the service works out the caller's parties, this class decides.
 */
public final class Workflow {

    /** The outcome: allowed with the next state; or refused, because of the role (never) or the state (not now). */
    public record Decision(boolean allowed, SubmissionState next, boolean roleMayNever, String reason) {
    }

    private record Step(Set<Party> parties, Set<SubmissionState> from, SubmissionState to) {
    }

    private static final Map<Action, Step> STEPS = Map.of(
            Action.EDIT, new Step(EnumSet.of(Party.SCHOOL), EnumSet.of(ASSIGNED, IN_PROGRESS, RETURNED), null),
            Action.SUBMIT, new Step(EnumSet.of(Party.SCHOOL), EnumSet.of(ASSIGNED, IN_PROGRESS, RETURNED), SUBMITTED),
            Action.RETURN, new Step(EnumSet.of(Party.VERIFIER), EnumSet.of(SUBMITTED, VERIFIED), RETURNED),
            Action.VERIFY, new Step(EnumSet.of(Party.VERIFIER), EnumSet.of(SUBMITTED), VERIFIED),
            Action.CONFIRM, new Step(EnumSet.of(Party.VERIFIER, Party.SELF_CONFIRMER), EnumSet.of(VERIFIED), CONFIRMED),
            Action.LOCK, new Step(EnumSet.of(Party.ADMINISTRATOR), EnumSet.of(CONFIRMED), LOCKED),
            Action.UNLOCK, new Step(EnumSet.of(Party.ADMINISTRATOR), EnumSet.of(CONFIRMED, LOCKED), RETURNED));

    private Workflow() {
    }

    public static Decision decide(SubmissionState state, Action action, Set<Party> parties) {
        Step step = STEPS.get(action);
        if (parties.stream().noneMatch(step.parties()::contains)) {
            return new Decision(false, null, true, "Недостаточно прав для действия «" + label(action) + "» / not allowed for your role");
        }
        if (!step.from().contains(state)) {
            return new Decision(false, null, false, "Действие «" + label(action) + "» невозможно в состоянии «" + label(state)
                    + "» / not possible in state " + state);
        }
        SubmissionState next = step.to() != null ? step.to() : state == ASSIGNED ? IN_PROGRESS : state;
        return new Decision(true, next, false, null);
    }

    /** The actions the parties may take now, for the UI's buttons. */
    public static Set<Action> allowed(SubmissionState state, Set<Party> parties) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if (decide(state, action, parties).allowed()) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    static String label(Action action) {
        return switch (action) {
            case EDIT -> "изменить значение";
            case SUBMIT -> "отправить";
            case RETURN -> "вернуть на доработку";
            case VERIFY -> "проверить";
            case CONFIRM -> "подтвердить письмом";
            case LOCK -> "закрыть";
            case UNLOCK -> "открыть повторно";
        };
    }

    public static String label(SubmissionState state) {
        return switch (state) {
            case ASSIGNED -> "назначена";
            case IN_PROGRESS -> "заполняется";
            case SUBMITTED -> "отправлена";
            case RETURNED -> "возвращена на доработку";
            case VERIFIED -> "проверена";
            case CONFIRMED -> "подтверждена";
            case LOCKED -> "закрыта";
        };
    }
}
