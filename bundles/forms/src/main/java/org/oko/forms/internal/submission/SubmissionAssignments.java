package org.oko.forms.internal.submission;

import static org.oko.forms.internal.FormsTexts.TEXTS;
import static org.oko.forms.internal.submission.SubmissionException.Kind.CONFLICT;
import static org.oko.forms.internal.submission.SubmissionException.Kind.FORBIDDEN;
import static org.oko.forms.internal.submission.SubmissionException.Kind.INVALID;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.SubmissionState;
import org.oko.forms.api.Submissions;
import org.oko.forms.internal.registry.FormRegistryImpl;
import org.oko.forms.internal.submission.SubmissionService.Summary;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forms assigned to organisations for a period, and assignments withdrawn while they hold no data:
 * the scheduler's and the coordinators' part, one transaction for many organisations.
 */
final class SubmissionAssignments {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionAssignments.class);

    private static final String NO_SUCH_ORGANISATION = "submission.no-such-organisation";
    /** Federal and private schools are assigned by the regional centre: a refusal by role, 403. */
    private static final String BY_REGION = "submission.assigned-by-region";

    private final JpaTemplate jpa;
    private final SubmissionAccess access;
    private final FormRegistryImpl registry;

    SubmissionAssignments(JpaTemplate jpa, SubmissionAccess access, FormRegistryImpl registry) {
        this.jpa = jpa;
        this.access = access;
        this.registry = registry;
    }


    /** What happened to one organisation, with the key of the text that says why (null when done). */
    private record Assigned(String organisationCode, Submissions.Result result, Long submissionId, String key, ApiMessage text) {

        Assigned(String organisationCode, Submissions.Result result, Long submissionId, String key, Object... arguments) {
            this(organisationCode, result, submissionId, key, key == null ? null : TEXTS.text(key, arguments));
        }

        /** The outcome for the API, whose message is one line in both languages. */
        Submissions.Outcome outcome() {
            return new Submissions.Outcome(organisationCode, result, submissionId, text == null ? null : text.joined());
        }
    }

    /** Assigns a form (its newest available version) to an organisation for a period. */
    public Summary assign(String period, String formId, String organisationCode) {
        Assigned outcome = assigned(period, formId, List.of(organisationCode == null ? "" : organisationCode)).get(0);
        return switch (outcome.result()) {
            case DONE -> jpa.txExpr(em -> access.summary(em.find(SubmissionEntity.class, outcome.submissionId())));
            case UNCHANGED -> throw new SubmissionException(CONFLICT, outcome.text());
            case REFUSED -> throw NO_SUCH_ORGANISATION.equals(outcome.key()) ? new NoSuchElementException(outcome.text().joined())
                    : new SubmissionException(BY_REGION.equals(outcome.key()) ? FORBIDDEN : INVALID, outcome.text());
        };
    }

    /** Assigns a form to many organisations in one transaction; the outcome per organisation says what happened. */
    public List<Submissions.Outcome> assignAll(String period, String formId, Collection<String> organisationCodes) {
        return assigned(period, formId, organisationCodes).stream().map(Assigned::outcome).toList();
    }

    private List<Assigned> assigned(String period, String formId, Collection<String> organisationCodes) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR);
        if (period == null || !period.matches("[0-9A-Za-z_.-]{1,40}")) {
            throw SubmissionException.of(INVALID, "submission.invalid-period");
        }
        FormDefinition definition = registry.latest(formId)
                .orElseThrow(() -> SubmissionException.of(INVALID, "submission.form-not-available", formId));
        boolean regional = caller.hasAnyRole(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR);
        return jpa.txExpr(em -> {
            Set<String> assigned = new HashSet<>(em.createQuery("SELECT s.organisationCode FROM SubmissionEntity s WHERE s.period = :p AND s.formId = :f",
                    String.class).setParameter("p", period).setParameter("f", formId).getResultList());
            List<Assigned> outcomes = new ArrayList<>();
            for (String code : new LinkedHashSet<>(organisationCodes)) {
                Organisation organisation = access.organisation(code);
                String refusal = organisation == null || !caller.scope().contains(code) ? NO_SUCH_ORGANISATION
                        : organisation.kind() != OrganisationKind.SCHOOL ? "submission.not-a-school"
                        : organisation.parentCode() != null ? "submission.branch"
                        : organisation.status() == OrganisationStatus.CLOSED ? "submission.organisation-closed"
                        : !regional && !SubmissionAccess.hasMunicipalFounder(organisation) ? BY_REGION : null;
                if (refusal != null) {
                    outcomes.add(new Assigned(code, Submissions.Result.REFUSED, null, refusal, code));
                } else if (!assigned.add(code)) {
                    outcomes.add(new Assigned(code, Submissions.Result.UNCHANGED, null, "submission.already-assigned", period));
                } else {
                    SubmissionEntity submission = new SubmissionEntity(period, formId, definition.version(), code, caller.login());
                    em.persist(submission);
                    em.flush();
                    em.persist(new EventEntity(submission.id(), caller.login(), EventEntity.Kind.TRANSITION, null, null, SubmissionState.ASSIGNED.name()));
                    outcomes.add(new Assigned(code, Submissions.Result.DONE, submission.id(), null));
                }
            }
            LOG.info("Form {} for period {} assigned by {}: {} of {} organisations", formId, period, caller.login(),
                    outcomes.stream().filter(o -> o.result() == Submissions.Result.DONE).count(), outcomes.size());
            return outcomes;
        });
    }

    /** Withdraws an assignment that holds no data yet. */
    public void withdraw(long id) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR);
        jpa.tx(em -> {
            SubmissionEntity submission = access.visible(em, id, caller, true);
            ApiMessage refusal = withdrawal(em, submission, caller);
            if (refusal != null) {
                throw new SubmissionException(CONFLICT, refusal);
            }
        });
    }

    /** Withdraws the assignments of a form period that hold no data yet, in one transaction. */
    public List<Submissions.Outcome> withdrawAll(String period, String formId, Collection<String> organisationCodes) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR);
        return jpa.txExpr(em -> {
            Map<String, SubmissionEntity> byCode = new HashMap<>();
            em.createQuery("SELECT s FROM SubmissionEntity s WHERE s.period = :p AND s.formId = :f", SubmissionEntity.class)
                    .setParameter("p", period).setParameter("f", formId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList().forEach(s -> byCode.put(s.organisationCode(), s));
            List<Submissions.Outcome> outcomes = new ArrayList<>();
            for (String code : new LinkedHashSet<>(organisationCodes)) {
                SubmissionEntity submission = byCode.get(code);
                if (submission == null || !caller.scope().contains(code)) {
                    outcomes.add(new Submissions.Outcome(code, Submissions.Result.UNCHANGED, null, TEXTS.text("submission.not-assigned").joined()));
                    continue;
                }
                long id = submission.id();
                ApiMessage refusal = withdrawal(em, submission, caller);
                outcomes.add(refusal == null ? new Submissions.Outcome(code, Submissions.Result.DONE, id, null)
                        : new Submissions.Outcome(code, Submissions.Result.REFUSED, id, refusal.joined()));
            }
            return outcomes;
        });
    }

    /** Removes an assignment without data and says null, or says why it stays. */
    private ApiMessage withdrawal(EntityManager em, SubmissionEntity submission, Caller caller) {
        Organisation organisation = access.organisation(submission.organisationCode());
        if (!caller.hasAnyRole(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR) && (organisation == null || !SubmissionAccess.hasMunicipalFounder(organisation))) {
            return TEXTS.text(BY_REGION);
        }
        if (submission.state() != SubmissionState.ASSIGNED || !Stored.values(em, submission.id()).isEmpty()) {
            return TEXTS.text("submission.has-data");
        }
        em.createQuery("DELETE FROM EventEntity e WHERE e.submissionId = :id").setParameter("id", submission.id()).executeUpdate();
        em.remove(submission);
        LOG.info("Submission {} ({} of {}, {}) withdrawn by {}", submission.id(), submission.formId(), submission.organisationCode(),
                submission.period(), caller.login());
        return null;
    }
}
