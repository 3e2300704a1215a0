package org.oko.forms.internal.submission;

import static org.oko.forms.internal.FormsTexts.TEXTS;
import static org.oko.forms.internal.submission.SubmissionException.Kind.CONFLICT;
import static org.oko.forms.internal.submission.SubmissionException.Kind.FORBIDDEN;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.oko.platform.api.rest.ApiException;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.SubmissionState;
import org.oko.forms.api.Text;
import org.oko.forms.internal.registry.FormRegistryImpl;
import org.oko.platform.api.cache.Kept;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;

/**
 * Who may do what with a submission, and what that needs of its organisation: the submission within the
 * caller's scope (locked for writes), the workflow's decision for the caller's parties, the form
 * definition, and the organisation with its branches — looked up once per {@link #ORGANISATION_TTL_MS},
 * because saves come in bursts, and then again by one thread while the others go on with the facts kept.
 */
final class SubmissionAccess {

    static final long ORGANISATION_TTL_MS = 10_000;
    /** Below this many organisations not kept, looking each up costs less than listing the region. */
    static final int PREFETCH_FROM = 50;

    /** What a save needs of an organisation. */
    private record OrganisationFacts(Organisation organisation, List<RowSpec> units) {
    }

    private final FormRegistryImpl registry;
    private final CatalogService catalog;
    /**
     * By organisation code. When a school's facts expire, one thread reads them again while its coordinators saving
     * at that moment go on with the kept ones instead of each reading the catalog too.
     */
    private final Kept<String, OrganisationFacts> organisations;

    SubmissionAccess(FormRegistryImpl registry, CatalogService catalog) {
        this(registry, catalog, System::currentTimeMillis);
    }

    /** With a clock of milliseconds, for tests of what is kept how long. */
    SubmissionAccess(FormRegistryImpl registry, CatalogService catalog, LongSupplier clock) {
        this.registry = registry;
        this.catalog = catalog;
        this.organisations = Kept.<String, OrganisationFacts>of(Duration.ofMillis(ORGANISATION_TTL_MS), 10_000, clock).staleWhileReloading();
    }

    /** The submission if the caller's scope holds it; for writes its row is locked until the transaction ends. */
    SubmissionEntity visible(EntityManager em, long id, Caller caller, boolean forWrite) {
        SubmissionEntity submission = forWrite ? em.find(SubmissionEntity.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(SubmissionEntity.class, id);
        if (submission == null || !caller.scope().contains(submission.organisationCode())) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "submission.no-such-submission", id);
        }
        if (forWrite) {
            submission.written(); // snapshots of the count before are no longer the submission (Snapshots)
        }
        return submission;
    }

    Workflow.Decision decide(SubmissionEntity submission, Action action, Caller caller) {
        return decide(submission.state(), submission.formId(), submission.formVersion(), submission.organisationCode(), action, caller);
    }

    /** The workflow's decision on an action for a submission in this state, or the refusal to answer. */
    Workflow.Decision decide(SubmissionState state, String formId, int formVersion, String organisationCode, Action action, Caller caller) {
        Workflow.Decision decision = Workflow.decide(state, action, parties(caller, organisationCode));
        if (!decision.allowed()) {
            throw new SubmissionException(decision.roleMayNever() ? FORBIDDEN : CONFLICT, decision.reason());
        }
        if (action == Action.EDIT || action == Action.SUBMIT) {
            if (!registry.isAvailable(formId, formVersion)) {
                throw SubmissionException.of(CONFLICT, "submission.form-module-not", formId);
            }
        }
        return decision;
    }

    Set<Party> parties(Caller caller, String organisationCode) {
        return parties(caller, organisation(organisationCode));
    }

    /**
     * How a caller stands to a submission of this organisation (null when the catalog does not know it).
     * Municipal and state schools are verified by their founder; federal and private ones confirm their own data.
     */
    static Set<Party> parties(Caller caller, Organisation organisation) {
        Set<Party> parties = EnumSet.of(Party.READER);
        boolean municipal = organisation != null && hasMunicipalFounder(organisation);
        if (caller.hasAnyRole(Role.SCHOOL_COORDINATOR)) {
            parties.add(Party.SCHOOL);
            if (!municipal) {
                parties.add(Party.SELF_CONFIRMER);
            }
        }
        if (caller.hasAnyRole(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR)
                || (caller.hasAnyRole(Role.FOUNDER_COORDINATOR) && municipal)) {
            parties.add(Party.VERIFIER);
        }
        if (caller.hasAnyRole(Role.ADMINISTRATOR)) {
            parties.add(Party.ADMINISTRATOR);
        }
        return parties;
    }

    static boolean hasMunicipalFounder(Organisation organisation) {
        return organisation.founderType() == FounderType.MUNICIPAL || organisation.founderType() == FounderType.STATE;
    }

    FormDefinition definition(SubmissionEntity submission) {
        return definition(submission.formId(), submission.formVersion());
    }

    FormDefinition definition(String formId, int formVersion) {
        return registry.definition(formId, formVersion)
                .orElseThrow(() -> new IllegalStateException("form " + formId + "@" + formVersion + " is unknown"));
    }

    /** The organisation and its branches: the rows of STRUCTURAL_UNIT tables. */
    List<RowSpec> structuralUnits(String organisationCode) {
        return facts(organisationCode).units();
    }

    Organisation organisation(String code) {
        return code == null ? null : facts(code).organisation();
    }

    SubmissionService.Summary summary(SubmissionEntity submission) {
        Organisation organisation = organisation(submission.organisationCode());
        return new SubmissionService.Summary(submission.id(), submission.period(), submission.formId(), submission.formVersion(),
                submission.organisationCode(), organisation == null ? null : organisation.shortName(), submission.state(),
                submission.completion(), submission.changedAt());
    }

    /**
     * Keeps the facts of many organisations from one read of the catalog, when more than a few of them are not kept:
     * a region's values read at once then costs one list instead of three look-ups per school.
     */
    void prefetch(java.util.Collection<String> codes) {
        long missing = codes.stream().filter(c -> !organisations.holds(c, null)).count();
        if (missing < PREFETCH_FROM) {
            return;
        }
        List<Organisation> all = CallerContext.asSystem(() -> catalog.allOrganisations(OrganisationFilter.ALL));
        Map<String, List<Organisation>> branches = new java.util.HashMap<>();
        Map<String, Organisation> byCode = new java.util.HashMap<>();
        for (Organisation o : all) {
            byCode.put(o.code(), o);
            if (o.parentCode() != null) {
                branches.computeIfAbsent(o.parentCode(), p -> new ArrayList<>()).add(o);
            }
        }
        for (String code : codes) {
            Organisation head = byCode.get(code);
            if (head == null) {
                continue;
            }
            List<RowSpec> units = new ArrayList<>();
            units.add(new RowSpec(head.code(), Text.of(head.shortName())));
            branches.getOrDefault(code, List.of()).stream().sorted(java.util.Comparator.comparing(Organisation::code))
                    .forEach(b -> units.add(new RowSpec(b.code(), Text.of(b.shortName()))));
            organisations.put(code, null, new OrganisationFacts(head, List.copyOf(units)));
        }
    }

    private OrganisationFacts facts(String code) {
        OrganisationFacts facts;
        try {
            facts = organisations.get(code, null, () -> CallerContext.asSystem(() -> {
                Organisation head = catalog.organisation(code).orElse(null);
                return new OrganisationFacts(head, head == null ? List.of() : units(head));
            }));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (facts.organisation() == null) {
            organisations.forget(code); // an organisation created a moment later must be found at once
        }
        return facts;
    }

    /** The organisation and its branches, in the order of their codes. */
    private List<RowSpec> units(Organisation head) {
        List<RowSpec> units = new ArrayList<>();
        units.add(new RowSpec(head.code(), Text.of(head.shortName())));
        for (String code : new TreeSet<>(catalog.subtree(head.code()))) {
            if (code.equals(head.code())) {
                continue;
            }
            catalog.organisation(code).filter(o -> head.code().equals(o.parentCode()))
                    .ifPresent(branch -> units.add(new RowSpec(branch.code(), Text.of(branch.shortName()))));
        }
        return units;
    }
}
