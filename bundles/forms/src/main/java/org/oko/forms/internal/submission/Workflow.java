package org.oko.forms.internal.submission;

import org.oko.forms.api.SubmissionState;
import static org.oko.forms.api.SubmissionState.ASSIGNED;
import static org.oko.forms.api.SubmissionState.CONFIRMED;
import static org.oko.forms.api.SubmissionState.IN_PROGRESS;
import static org.oko.forms.api.SubmissionState.LOCKED;
import static org.oko.forms.api.SubmissionState.RETURNED;
import static org.oko.forms.api.SubmissionState.SUBMITTED;
import static org.oko.forms.api.SubmissionState.VERIFIED;
import static org.oko.forms.internal.FormsTexts.TEXTS;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.oko.platform.api.rest.ApiMessage;

/**
 * The submission workflow as a table: who may take which action in which state, and where it
 * leads. Pure: the service works out the caller's parties, this class decides.
 */
public final class Workflow {

    /** The outcome: allowed with the next state; or refused, because of the role (never) or the state (not now). */
    public record Decision(boolean allowed, SubmissionState next, boolean roleMayNever, ApiMessage reason) {
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
        if (!mayEver(step, parties)) {
            return new Decision(false, null, true, refusal("workflow.role-may-not", label(action), null));
        }
        if (!step.from().contains(state)) {
            return new Decision(false, null, false, refusal("workflow.not-in-state", label(action), text(state)));
        }
        SubmissionState next = step.to() != null ? step.to() : state == ASSIGNED ? IN_PROGRESS : state;
        return new Decision(true, next, false, null);
    }

    /** The actions the parties may take now, for the UI's buttons (every view asks: no refusal's text is written here). */
    public static Set<Action> allowed(SubmissionState state, Set<Party> parties) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        STEPS.forEach((action, step) -> {
            if (mayEver(step, parties) && step.from().contains(state)) {
                allowed.add(action);
            }
        });
        return allowed;
    }

    private static boolean mayEver(Step step, Set<Party> parties) {
        for (Party party : parties) {
            if (step.parties().contains(party)) {
                return true;
            }
        }
        return false;
    }

    /** A refusal's text, each language with the action's (and the state's) name in that language. */
    private static ApiMessage refusal(String key, ApiMessage action, ApiMessage state) {
        return new ApiMessage(TEXTS.ru(key, action.ru(), state == null ? "" : state.ru()),
                TEXTS.in("en", key, action.en(), state == null ? "" : state.en()));
    }

    /** What the action is called, e.g. "отправить". */
    static ApiMessage label(Action action) {
        return TEXTS.text("workflow.action." + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    /** What the state is called, e.g. "отправлена". */
    static ApiMessage text(SubmissionState state) {
        return TEXTS.text("workflow.state." + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    /** The Russian name of the state, e.g. "отправлена". */
    public static String label(SubmissionState state) {
        return text(state).ru();
    }
}
