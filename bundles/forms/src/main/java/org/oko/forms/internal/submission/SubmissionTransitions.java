package org.oko.forms.internal.submission;

import static org.oko.forms.internal.submission.SubmissionException.Kind.CONFLICT;
import static org.oko.forms.internal.submission.SubmissionException.Kind.INVALID;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Severity;
import org.oko.forms.api.SubmissionState;
import org.oko.forms.api.ValidationMessage;
import org.oko.forms.internal.registry.FormRegistryImpl;
import org.oko.forms.internal.submission.SubmissionService.View;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The workflow's steps after filling: submit, return with comments, verify, lock, unlock, and the move to a newer form version. */
final class SubmissionTransitions {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionTransitions.class);

    private final JpaTemplate jpa;
    private final SubmissionAccess access;
    private final SubmissionViews views;
    private final FormRegistryImpl registry;

    SubmissionTransitions(JpaTemplate jpa, SubmissionAccess access, SubmissionViews views, FormRegistryImpl registry) {
        this.jpa = jpa;
        this.access = access;
        this.views = views;
        this.registry = registry;
    }

    public View submit(long id) {
        Caller caller = CallerContext.require(Role.SCHOOL_COORDINATOR);
        return jpa.txExpr(em -> {
            SubmissionEntity submission = access.visible(em, id, caller, true);
            Workflow.Decision decision = access.decide(submission, Action.SUBMIT, caller);
            View view = views.view(em, submission, caller);
            List<ValidationMessage> blocking = new ArrayList<>();
            for (ValidationMessage message : view.messages()) {
                boolean unexplainedWarning = message.severity() == Severity.WARNING && !view.explanations().containsKey(message.ruleId());
                if (message.severity() == Severity.ERROR || unexplainedWarning) {
                    blocking.add(message);
                }
            }
            if (!blocking.isEmpty()) {
                throw SubmissionException.of(CONFLICT, "submission.fix-errors-explain", blocking.size()).withDetails(Map.of("messages", blocking));
            }
            if (view.submission().completion() < 100) {
                throw SubmissionException.of(CONFLICT, "submission.required-indicators-missing", view.submission().completion());
            }
            Stored.transition(em, submission, decision.next(), caller, null);
            return views.view(em, submission, caller);
        });
    }

    /** Returns to the school with an overall comment and comments per indicator. */
    public View sendBack(long id, String comment, Map<String, String> fieldComments) {
        Caller caller = CallerContext.require(SubmissionService.READERS);
        if (comment == null || comment.isBlank()) {
            throw SubmissionException.of(INVALID, "submission.comment-required");
        }
        return jpa.txExpr(em -> {
            SubmissionEntity submission = access.visible(em, id, caller, true);
            Workflow.Decision decision = access.decide(submission, Action.RETURN, caller);
            Stored.transition(em, submission, decision.next(), caller, comment.trim());
            if (fieldComments != null) {
                fieldComments.forEach((key, text) -> {
                    if (text != null && !text.isBlank()) {
                        em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.COMMENT, key, null, text.trim()));
                    }
                });
            }
            return views.view(em, submission, caller);
        });
    }

    /**
     * Moves a submission still being filled to the newest available version of its form, carrying
     * its values by the versions' upgrade instructions; values the new version has no place for are
     * dropped and kept in the history.
     */
    public View upgrade(long id) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR);
        return jpa.txExpr(em -> {
            SubmissionEntity submission = access.visible(em, id, caller, true);
            if (!EnumSet.of(SubmissionState.ASSIGNED, SubmissionState.IN_PROGRESS, SubmissionState.RETURNED).contains(submission.state())) {
                throw SubmissionException.of(CONFLICT, "submission.only-submissions-being");
            }
            FormDefinition target = registry.latest(submission.formId())
                    .filter(d -> d.version() > submission.formVersion())
                    .orElseThrow(() -> SubmissionException.of(CONFLICT, "submission.no-newer-version"));
            List<FormDefinition> steps = new ArrayList<>();
            for (int version = submission.formVersion() + 1; version <= target.version(); version++) {
                registry.definition(submission.formId(), version).ifPresent(steps::add);
            }
            List<RowSpec> units = access.structuralUnits(submission.organisationCode());
            List<ValueEntity> values = Stored.values(em, id);
            Map<String, String> plan = Upgrades.plan(values.stream().map(ValueEntity::key).toList(), steps);
            for (ValueEntity value : values) {
                String next = plan.get(value.key());
                if (next != null) {
                    try {
                        ValueKeys.input(target, next, units);
                    } catch (SubmissionException noPlace) {
                        next = null;
                    }
                }
                if (next == null) {
                    em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.UPGRADE, value.key(), value.json(), null));
                    em.createQuery("DELETE FROM ValueFileEntity f WHERE f.valueId = :v").setParameter("v", value.id()).executeUpdate();
                    em.remove(value);
                } else if (!next.equals(value.key())) {
                    em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.UPGRADE, next, value.key(), value.json()));
                    value.rename(next);
                }
            }
            em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.UPGRADE, null,
                    String.valueOf(submission.formVersion()), String.valueOf(target.version())));
            LOG.info("Submission {} moved from {}@{} to {}", id, submission.formId(), submission.formVersion(), target.key());
            submission.formVersion(target.version());
            submission.touch(caller.login());
            em.flush();
            View view = views.view(em, submission, caller);
            submission.completion(view.submission().completion());
            return view;
        });
    }

    public View verify(long id) {
        return simpleTransition(id, Action.VERIFY, null);
    }

    public View lock(long id) {
        return simpleTransition(id, Action.LOCK, null);
    }

    public View unlock(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw SubmissionException.of(INVALID, "submission.reason-required");
        }
        return simpleTransition(id, Action.UNLOCK, reason.trim());
    }

    private View simpleTransition(long id, Action action, String comment) {
        Caller caller = CallerContext.require(SubmissionService.READERS);
        return jpa.txExpr(em -> {
            SubmissionEntity submission = access.visible(em, id, caller, true);
            Workflow.Decision decision = access.decide(submission, action, caller);
            Stored.transition(em, submission, decision.next(), caller, comment);
            return views.view(em, submission, caller);
        });
    }
}
