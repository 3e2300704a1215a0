package org.oko.forms.internal.submission;

import static org.oko.forms.internal.FormsTexts.TEXTS;

import org.oko.forms.api.SubmissionState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.catalog.api.CatalogService;
import org.oko.forms.api.Submissions;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.ReportContributor;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Text;
import org.oko.forms.api.ValidationMessage;
import org.oko.forms.internal.registry.FormRegistryImpl;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Submissions and their workflow, the facade of its parts: {@link SubmissionAccess} (who may do what,
 * the organisation's facts), {@link SubmissionViews} (a submission evaluated as people see it),
 * {@link ValueWrites} (the save path), {@link SubmissionFiles}, {@link SubmissionTransitions},
 * {@link SubmissionImports} and {@link SubmissionAssignments}; lists are here. Every call is authorised
 * by role and organisation scope; a submission outside the caller's scope answers exactly like a
 * missing one. Every write takes the submission's row first — locked, or claimed by the save's
 * optimistic update — and counts itself there, so that writes of one submission happen one after
 * another, a value's revision check cannot race, and a kept {@link Snapshot} knows when it is stale.
 */
@Component(service = SubmissionService.class, configurationPid = "org.oko.forms", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SaveSettings.class)
public class SubmissionService {

    /** The largest letter or file indicator upload. */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    static final Role[] READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL,
            Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR};
    /** Who may look: the readers and observers (whose scope is what they are assigned); looking is all an observer does. */
    static final Role[] VIEWERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL,
            Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR, Role.OBSERVER};

    @Reference(target = "(osgi.unit.name=oko-forms)")
    private JpaTemplate jpa;

    /** The save path opens its transactions itself (ValueWrites). */
    @Reference(target = "(osgi.unit.name=oko-forms)")
    private EntityManagerFactory units;

    /** The warm saves' connection (SaveWriter): the same database as the persistence unit's. */
    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    @Reference
    private FormRegistryImpl registry;

    @Reference
    private CatalogService catalog;

    /** The modules' validators, calculators, report contributors and importers. */
    @Reference
    private Whiteboard whiteboard;

    // The parts, each with one job; this component is their facade for the REST resources and the forms API.
    private SubmissionAccess access;
    private Snapshots snapshots;
    private SubmissionViews views;
    private RegionValues regionValues;
    private ValueWrites writes;
    private SubmissionFiles files;
    private SubmissionTransitions transitions;
    private SubmissionImports imports;
    private SubmissionAssignments assignments;
    private SaveWriter writer;
    private LockedSaves lockedSaves;

    @Activate
    void activate(SaveSettings settings) {
        writer = new SaveWriter(dataSource, settings.save_gather_us());
        lockedSaves = new LockedSaves();
        access = new SubmissionAccess(registry, catalog);
        snapshots = new Snapshots(access);
        views = new SubmissionViews(access, snapshots, registry, whiteboard);
        writes = new ValueWrites(jpa, units, access, snapshots, views, writer, lockedSaves);
        files = new SubmissionFiles(jpa, access, views, writes);
        transitions = new SubmissionTransitions(jpa, access, views, registry);
        imports = new SubmissionImports(jpa, access, views, whiteboard);
        assignments = new SubmissionAssignments(jpa, access, registry);
        regionValues = new RegionValues(jpa, access, snapshots, views);
    }

    /** A changed {@code etc/org.oko.forms.cfg}, applied to the writer at once. */
    @Modified
    void modified(SaveSettings settings) {
        writer.gather(settings.save_gather_us());
    }

    @Deactivate
    void deactivate() {
        writer.close();
        lockedSaves.close();
    }

    // --- views ---

    public record Summary(long id, String period, String formId, int formVersion, String organisationCode,
                          String organisationName, SubmissionState state, int completion, Instant changedAt) {
    }

    /** One value to save: the key, the value as the client sends it, and the revision it replaces (0: none yet). */
    public record Change(String key, Object value, int expectedRevision) {
    }

    public record ValueView(Object value, int revision, String changedBy, Instant changedAt) {
    }

    /**
     * @param computed   values of computed indicators and of the keys modules' calculators fill
     * @param calculated the keys modules' calculators fill (read-only, like computed ones)
     * @param importers  the importers of the form's modules a file can be uploaded with
     */
    public record View(Summary submission, boolean formAvailable, Map<String, ValueView> values, Map<String, Object> computed,
                       Set<String> calculated, Set<String> hidden, List<ValidationMessage> messages, Map<String, String> explanations,
                       List<HistoryEntry> returnComments, List<RowSpec> structuralUnits, Set<Action> actions, boolean letter,
                       List<ImporterInfo> importers) {
    }

    /**
     * What a save changed, for a client that holds the submission already ({@code Prefer: return=minimal}):
     * the row, the saved values with their new revisions, and what follows from every value — computed
     * values, hidden items, messages, the actions now allowed. The rest of the view (the form's structure,
     * explanations, return comments, importers) does not change with a value.
     */
    public record Saved(Summary submission, Map<String, ValueView> values, Map<String, Object> computed, Set<String> hidden,
                        List<ValidationMessage> messages, Set<Action> actions) {

        /** The part of the view after a save of {@code keys} that the save changed. */
        public static Saved of(View view, Collection<String> keys) {
            Map<String, ValueView> saved = new LinkedHashMap<>();
            for (String key : keys) {
                saved.put(key, view.values().get(key)); // null: emptied, or now a calculator's
            }
            return new Saved(view.submission(), saved, view.computed(), view.hidden(), view.messages(), view.actions());
        }
    }

    /** An importer a file can be uploaded with: {@code POST /api/submissions/{id}/import?importer=<id>}. */
    public record ImporterInfo(String id, Text title) {
    }

    /** An import's outcome: how many values changed, and the submission after it. */
    public record Imported(int changed, View submission) {
    }

    /** A module's extra sheet of an export, or why it is missing. */
    public record Contribution(String module, ReportContributor.Sheet sheet, String failure) {
    }

    public record HistoryEntry(Instant at, String actor, String kind, String key, String oldValue, String newValue) {
    }

    public record FileContent(String fileName, String contentType, byte[] content) {
    }

    // --- reading ---

    public List<Summary> list(String period, String formId, String organisationCode, SubmissionState state) {
        Caller caller = CallerContext.require(VIEWERS);
        return jpa.txExpr(em -> {
            StringBuilder jpql = new StringBuilder("SELECT s FROM SubmissionEntity s WHERE 1 = 1");
            Map<String, Object> parameters = new HashMap<>();
            filter(jpql, parameters, "period", period);
            filter(jpql, parameters, "formId", formId);
            filter(jpql, parameters, "organisationCode", organisationCode);
            if (state != null) {
                jpql.append(" AND s.state = :state");
                parameters.put("state", state);
            }
            jpql.append(" ORDER BY s.organisationCode, s.formId, s.period");
            TypedQuery<SubmissionEntity> query = em.createQuery(jpql.toString(), SubmissionEntity.class);
            parameters.forEach(query::setParameter);
            List<Summary> result = new ArrayList<>();
            for (SubmissionEntity submission : query.getResultList()) {
                if (caller.scope().contains(submission.organisationCode())) {
                    result.add(access.summary(submission));
                }
            }
            return result;
        });
    }

    /** A state and what it means for lists: still with the school, or waiting for the founder's confirmation. */
    public record StateInfo(SubmissionState state, boolean withSchool, boolean awaitingConfirmation) {
    }

    /** The states of a submission in workflow order. */
    public List<StateInfo> states() {
        CallerContext.require(VIEWERS);
        return java.util.Arrays.stream(SubmissionState.values()).map(s -> new StateInfo(s, s.withSchool(), s.awaitingConfirmation())).toList();
    }

    public View get(long id) {
        Caller caller = CallerContext.require(VIEWERS);
        return jpa.txExpr(em -> {
            // The kept snapshot when the row's count of writes still matches: one small query instead of the row's entity.
            Snapshot kept = snapshots.latest(id);
            if (kept != null && caller.scope().contains(kept.organisationCode()) && new SaveStatements(em).writes(id) == kept.writes()) {
                return views.view(kept, caller);
            }
            return views.view(snapshots.committed(em, access.visible(em, id, caller, false)), caller);
        });
    }

    /** Every submission of one form version (and period, if given) within the caller's scope, evaluated: for exports. */
    public List<View> views(String formId, int version, String period) {
        Caller caller = CallerContext.require(VIEWERS);
        if (registry.definition(formId, version).isEmpty()) {
            throw new NoSuchElementException(TEXTS.text("form.not-found", formId, version).joined());
        }
        return jpa.txExpr(em -> {
            TypedQuery<SubmissionEntity> query = em.createQuery("SELECT s FROM SubmissionEntity s WHERE s.formId = :f AND s.formVersion = :v"
                    + (period == null || period.isBlank() ? "" : " AND s.period = :p") + " ORDER BY s.organisationCode, s.period", SubmissionEntity.class)
                    .setParameter("f", formId).setParameter("v", version);
            if (period != null && !period.isBlank()) {
                query.setParameter("p", period.trim());
            }
            List<View> all = new ArrayList<>();
            for (SubmissionEntity submission : query.getResultList()) {
                if (caller.scope().contains(submission.organisationCode())) {
                    all.add(views.view(snapshots.committed(em, submission), caller));
                }
            }
            return all;
        });
    }

    /** A form's values in a period within the caller's scope, for analytics ({@link RegionValues}). */
    public Map<String, Map<String, Object>> values(String period, String formId) {
        return regionValues.values(CallerContext.require(VIEWERS), period, formId, null);
    }

    /** Some keys of a form's values in a period within the caller's scope, reading only what they need ({@link RegionValues}). */
    public Map<String, Map<String, Object>> values(String period, String formId, Set<String> keys) {
        return regionValues.values(CallerContext.require(VIEWERS), period, formId, Set.copyOf(keys));
    }

    /** What changes whenever a submission of the form in the period changes ({@link RegionValues}). */
    public String changes(String period, String formId) {
        CallerContext.require(VIEWERS);
        return regionValues.changes(period, formId);
    }

    public FormDefinition definition(String formId, int version) {
        CallerContext.require(VIEWERS);
        return registry.definition(formId, version).orElseThrow(() -> new NoSuchElementException(TEXTS.text("form.not-found", formId, version).joined()));
    }

    public List<HistoryEntry> history(long id) {
        Caller caller = CallerContext.require(VIEWERS);
        return jpa.txExpr(em -> {
            access.visible(em, id, caller, false);
            return Stored.history(em, id).stream().map(Stored::entry).toList();
        });
    }

    // --- assignments ---

    /** Assigns a form (its newest available version) to an organisation for a period. */
    public Summary assign(String period, String formId, String organisationCode) {
        return assignments.assign(period, formId, organisationCode);
    }

    /** Assigns a form to many organisations in one transaction; the outcome per organisation says what happened. */
    public List<Submissions.Outcome> assignAll(String period, String formId, Collection<String> organisationCodes) {
        return assignments.assignAll(period, formId, organisationCodes);
    }

    /** Withdraws an assignment that holds no data yet. */
    public void withdraw(long id) {
        assignments.withdraw(id);
    }

    /** Withdraws the assignments of a form period that hold no data yet, in one transaction. */
    public List<Submissions.Outcome> withdrawAll(String period, String formId, Collection<String> organisationCodes) {
        return assignments.withdrawAll(period, formId, organisationCodes);
    }

    /** Every submission of a form in a period within the caller's scope: the scheduler's view. */
    public List<Submissions.Status> statuses(String period, String formId) {
        Caller caller = CallerContext.require(VIEWERS);
        return jpa.txExpr(em -> em.createQuery("SELECT s FROM SubmissionEntity s WHERE s.period = :p AND s.formId = :f ORDER BY s.organisationCode",
                        SubmissionEntity.class).setParameter("p", period).setParameter("f", formId).getResultStream()
                .filter(s -> caller.scope().contains(s.organisationCode()))
                .map(s -> new Submissions.Status(s.id(), s.period(), s.formId(), s.formVersion(), s.organisationCode(), s.state(),
                        s.completion(), s.submittedAt(), s.changedAt()))
                .toList());
    }

    // --- the parts ---

    public FileContent letter(long id) {
        return files.letter(id);
    }

    /** The file behind a file indicator's value. */
    public FileContent file(long id, String key) {
        return files.file(id, key);
    }

    public View saveValue(long id, String key, Object raw, int expectedRevision) {
        return writes.saveValue(id, key, raw, expectedRevision);
    }

    /** Saves several values of one submission, all or none. */
    public View saveValues(long id, List<Change> changes) {
        return writes.saveValues(id, changes);
    }

    /** {@link #saveValues} answered once written, without holding the caller's thread meanwhile. */
    public CompletableFuture<View> saveValuesLater(long id, List<Change> changes) {
        return writes.saveValuesLater(id, changes);
    }

    public View saveFile(long id, String key, String fileName, String contentType, byte[] content, int expectedRevision) {
        return files.saveFile(id, key, fileName, contentType, content, expectedRevision);
    }

    public View explain(long id, String ruleId, String text) {
        return writes.explain(id, ruleId, text);
    }

    public View submit(long id) {
        return transitions.submit(id);
    }

    public View sendBack(long id, String comment, Map<String, String> fieldComments) {
        return transitions.sendBack(id, comment, fieldComments);
    }

    public View upgrade(long id) {
        return transitions.upgrade(id);
    }

    public View verify(long id) {
        return transitions.verify(id);
    }

    public View lock(long id) {
        return transitions.lock(id);
    }

    public View unlock(long id, String reason) {
        return transitions.unlock(id, reason);
    }

    public View confirm(long id, String fileName, String contentType, byte[] content) {
        return files.confirm(id, fileName, contentType, content);
    }

    public Imported importValues(long id, String importerId, String fileName, byte[] content, Instant since) {
        return imports.importValues(id, importerId, fileName, content, since);
    }

    public List<Contribution> contributions(FormDefinition definition, List<View> evaluated) {
        return imports.contributions(definition, evaluated);
    }

    private static void filter(StringBuilder jpql, Map<String, Object> parameters, String field, String value) {
        if (value != null && !value.isBlank()) {
            jpql.append(" AND s.").append(field).append(" = :").append(field);
            parameters.put(field, value.trim());
        }
    }
}
