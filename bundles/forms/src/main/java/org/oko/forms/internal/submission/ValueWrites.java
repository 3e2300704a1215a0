package org.oko.forms.internal.submission;

import static org.oko.forms.internal.FormsTexts.TEXTS;
import static org.oko.forms.internal.submission.SubmissionException.Kind.INVALID;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.sessions.Session;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Severity;
import org.oko.forms.internal.eval.ValueCodec;
import org.oko.forms.internal.submission.Snapshot.StoredValue;
import org.oko.forms.internal.submission.SubmissionService.Change;
import org.oko.forms.internal.submission.SubmissionService.View;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;

/**
 * The save path: values of a submission (or a warning's explanation) written after the caller's
 * right, the workflow and each value's revision are checked, in one transaction that locked the
 * submission's row; the first change starts the work. A save reads the submission once — from the
 * snapshot kept at the row's count of writes, else from the database — writes only the changed
 * values, their history lines and the row, and answers the view evaluated from the next snapshot
 * (docs/performance.md). A file indicator writes through {@link #store} and {@link #finish}.
 */
final class ValueWrites {

    /** The most values one save may carry: a pasted table, not a whole form's import. */
    static final int MAX_BATCH = 500;

    private final JpaTemplate jpa;
    private final EntityManagerFactory units;
    private final SubmissionAccess access;
    private final Snapshots snapshots;
    private final SubmissionViews views;
    private final SaveQueue queue = new SaveQueue();
    private final SaveWriter writer;
    private final LockedSaves lockedSaves;
    /** The last save of each submission handed to the writer and not yet answered. */
    private final Map<Long, Handed> pending = new ConcurrentHashMap<>();
    private final Ids ids = new Ids(entity -> sequences().getNextSequenceNumberValue(entity).longValue());
    private volatile Session sequences;

    ValueWrites(JpaTemplate jpa, EntityManagerFactory units, SubmissionAccess access, Snapshots snapshots, SubmissionViews views,
                SaveWriter writer, LockedSaves lockedSaves) {
        this.jpa = jpa;
        this.writer = writer;
        this.lockedSaves = lockedSaves;
        this.units = units;
        this.access = access;
        this.snapshots = snapshots;
        this.views = views;
    }

    /** Saves one value: see {@link #saveValues}. */
    public View saveValue(long id, String key, Object raw, int expectedRevision) {
        return saveValues(id, List.of(new Change(key, raw, expectedRevision)));
    }

    /**
     * Saves values of one submission, all or none. Each change names the revision the client started
     * from (0 for an empty value); another person's newer save answers a conflict with their value,
     * and nothing is overwritten. Waits for {@link #saveValuesLater}'s answer.
     */
    public View saveValues(long id, List<Change> changes) {
        try {
            return saveValuesLater(id, changes).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The save may still be written: the client learns its outcome from the revision it reads next.
            throw new PersistenceException("interrupted while the save was being written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new PersistenceException(e.getCause());
        }
    }

    /**
     * {@link #saveValues} answered when the save is written, without holding the caller's thread while its
     * group commit waits (a parked request thread and its wake-up cost a save a tenth of its CPU,
     * docs/performance.md): completed on the writer's thread once the group is committed — the answer was worked
     * out before. A save the writer does not take is saved in a transaction of its own at once, one whose claim
     * found the row moved on is saved so on {@link #lockedSaves}. A refusal found while planning is thrown; the
     * future fails with the locked save's refusal or with what writing met.
     */
    public CompletableFuture<View> saveValuesLater(long id, List<Change> changes) {
        Caller caller = CallerContext.require(Role.SCHOOL_COORDINATOR);
        if (changes == null || changes.isEmpty() || changes.size() > MAX_BATCH) {
            throw SubmissionException.of(INVALID, "submission.batch-size", MAX_BATCH);
        }
        Handed handed = queue.inTurn(id, () -> hand(id, changes, caller));
        if (handed == null) {
            return CompletableFuture.completedFuture(queue.inTurn(id, () -> lockedSave(id, changes, caller)));
        }
        CompletableFuture<View> answer = new CompletableFuture<>();
        // Waits for the group commit outside the submission's turn, so that the next save of the submission
        // can be planned on this one and go in the same group.
        handed.job().done.whenComplete((written, failure) -> {
            try {
                pending.remove(id, handed);
                if (failure != null) {
                    answer.completeExceptionally(failure);
                } else if (written) {
                    snapshots.keep(handed.plan().after());
                    answer.complete(handed.plan().view());
                } else {
                    lockedSaves.run(caller, () -> queue.inTurn(id, () -> lockedSave(id, changes, caller)), answer);
                }
            } catch (RuntimeException e) {
                answer.completeExceptionally(e); // an answer that never came would hold its request for good
            }
        });
        return answer;
    }

    /** A save worked out in memory against a snapshot: the values to write, the snapshot it leaves and the answer. */
    private record Plan(List<Write> writes, boolean starts, Snapshot after, View view) {
    }

    /** One value to write: its row's id (a new one for a new value), the value before and after. */
    private record Write(String key, boolean file, StoredValue current, StoredValue next) {
    }

    /** A save handed to the writer, and the plan it was worked out from; the next save of the submission plans on it. */
    private record Handed(Plan plan, SaveWriter.Job job) {
    }

    /**
     * A warm save, in the submission's turn: worked out in memory — on the last save of the submission
     * still on its way to the database, else on the snapshot kept — and handed to the {@link SaveWriter},
     * which claims the submission's row with one update that checks the row's count of writes (the
     * optimistic lock) and writes the values and their history lines with other saves, committed
     * together. Null — the save then takes a transaction of its own ({@link #lockedSave}) — when no
     * snapshot is kept, when the save starts the work or empties a file, or when a refusal may come from
     * a copy that is not the submission as committed.
     */
    private Handed hand(long id, List<Change> changes, Caller caller) {
        Handed last = pending.get(id);
        Snapshot base = last != null ? last.plan().after() : snapshots.latest(id);
        if (base == null || !caller.scope().contains(base.organisationCode())) {
            return null;
        }
        Plan plan;
        try {
            plan = plan(base, changes, caller, Now.instant());
        } catch (ApiException refused) {
            if (last == null && inTransaction(em -> new SaveStatements(em).writes(id)) == base.writes()) {
                throw refused; // refused by the submission as it is, not by a stale copy
            }
            return null;
        }
        if (plan.starts() || plan.writes().stream().anyMatch(Write::file)) {
            return null;
        }
        Handed handed = new Handed(plan, job(id, plan, caller, last == null ? null : last.job()));
        writer.submit(handed.job());
        pending.put(id, handed); // after the writer took it: a stopped writer leaves nothing to plan on
        return handed;
    }

    /** A planned save as the writer's job, each value with the id of its history line. */
    private SaveWriter.Job job(long id, Plan plan, Caller caller, SaveWriter.Job after) {
        List<SaveWriter.Row> rows = new ArrayList<>(plan.writes().size());
        for (Write write : plan.writes()) {
            StoredValue next = write.next();
            rows.add(new SaveWriter.Row(write.current() == null, next.id(), write.key(), next.json(), next.revision(),
                    write.current() == null ? null : write.current().json(), nextId(EventEntity.class), write.file()));
        }
        return new SaveWriter.Job(id, plan.after().writes() - 1, plan.view().submission().completion(), plan.after().changedAt(),
                caller.login(), rows, after);
    }

    /**
     * The save in a transaction of its own, for what the writer does not take: it locks the submission's
     * row, reads the submission unless the snapshot of the row's count is kept, and works the save out.
     */
    private View lockedSave(long id, List<Change> changes, Caller caller) {
        AtomicReference<Snapshot> kept = new AtomicReference<>();
        try {
            return inTransaction(em -> {
                SaveStatements statements = new SaveStatements(em);
                Instant now = Now.instant();
                SaveStatements.Row row = statements.lock(id);
                if (row == null || !caller.scope().contains(row.organisationCode())) {
                    throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "submission.no-such-submission", id);
                }
                Snapshot before = snapshots.kept(id, row.writes());
                if (before == null) {
                    // Read under the lock before anything is written: the submission as committed, worth keeping.
                    before = snapshots.read(em, em.find(SubmissionEntity.class, id));
                    snapshots.keep(before);
                }
                Plan plan = plan(before, changes, caller, now);
                statements.saved(id, plan.after().writes(), plan.view().submission().completion(), now, caller.login());
                write(em, id, plan, statements, caller);
                // Kept before the commit, so that a reader comparing the row's count finds it the moment the
                // commit is visible; forgotten below if the commit fails.
                kept.set(plan.after());
                snapshots.keep(plan.after());
                return plan.view();
            });
        } catch (RuntimeException e) {
            Snapshot next = kept.get();
            if (next != null) {
                snapshots.forget(next);
            }
            throw e;
        } finally {
            // Saves handed to the writer before this one were planned on a row this one moved on: their claims
            // fail, and the next save plans on the snapshot kept here instead of on them.
            pending.remove(id);
        }
    }

    /** The next id of an entity's table, from EclipseLink's sequences (blocks of them taken in transactions of their own). */
    private long nextId(Class<?> entity) {
        return ids.next(entity);
    }

    private Session sequences() {
        Session session = sequences;
        if (session == null) {
            EntityManager em = units.createEntityManager();
            try {
                sequences = session = em.unwrap(JpaEntityManager.class).getServerSession();
            } finally {
                em.close();
            }
        }
        return session;
    }

    /**
     * The save's own transaction on an entity manager of its own. Not through the JPA template: its OSGi
     * coordination can fail after the commit (Felix's coordinator reported ORPHANED once under the
     * bench's hot-deploy load), answering 500 for a save that was written; a save shares nothing with
     * an outer transaction anyway.
     */
    private <T> T inTransaction(java.util.function.Function<EntityManager, T> work) {
        EntityManager em = units.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Checks the changes against the submission, in memory: the workflow, the keys, the values, the revisions. */
    private Plan plan(Snapshot before, List<Change> changes, Caller caller, Instant now) {
        Workflow.Decision decision = access.decide(before.state(), before.formId(), before.formVersion(), before.organisationCode(),
                Action.EDIT, caller);
        SubmissionViews.Context context = views.context(before.formId(), before.formVersion(), before.organisationCode());
        FormDefinition definition = context.definition();
        List<RowSpec> units = context.units();
        Set<String> calculated = context.calculatedKeys();
        Map<String, StoredValue> written = new LinkedHashMap<>();
        List<Write> writes = new ArrayList<>();
        for (Change change : changes) {
            String key = change.key();
            if (written.containsKey(key)) {
                throw SubmissionException.of(INVALID, "submission.key-twice", key).withField(key);
            }
            Indicator indicator = ValueKeys.input(definition, key, units);
            if (calculated.contains(key)) {
                throw SubmissionException.of(INVALID, "submission.calculated-by-form", key).withField(key);
            }
            ValueCodec.Decoded decoded = ValueCodec.decode(indicator, change.value());
            if (!decoded.ok()) {
                throw new SubmissionException(INVALID, "submission.value-invalid", decoded.error().ru(), decoded.error().in("en")).withField(key);
            }
            boolean file = indicator.type() == IndicatorType.FILE;
            if (file && decoded.value() != null) {
                throw SubmissionException.of(INVALID, "submission.upload-file-itself", key).withField(key);
            }
            StoredValue current = before.values().get(key);
            if (current == null) {
                ValueChecks.revision(key, null, change.expectedRevision());
                Set<String> keys = new HashSet<>(before.values().keySet());
                keys.addAll(written.keySet());
                ValueChecks.openRowLimit(definition, keys, key);
            } else {
                ValueChecks.revision(key, new ValueChecks.Revision(current.revision(), current.raw(), current.changedBy(), current.changedAt()),
                        change.expectedRevision());
            }
            String json = Stored.write(ValueCodec.encode(decoded.value()));
            StoredValue next = new StoredValue(current == null ? nextId(ValueEntity.class) : current.id(), json, Stored.read(json),
                    decoded.value(), current == null ? 1 : current.revision() + 1, caller.login(), now);
            written.put(key, next);
            writes.add(new Write(key, file, current, next));
        }
        boolean starts = decision.next() != before.state();
        Snapshot after = before.saved(written, decision.next(), now);
        return new Plan(writes, starts, after, views.view(after, caller, context));
    }

    /** Writes a planned save's values and history lines, on the row the transaction holds. */
    private void write(EntityManager em, long id, Plan plan, SaveStatements statements, Caller caller) {
        for (Write write : plan.writes()) {
            StoredValue next = write.next();
            if (write.current() == null) {
                statements.insertValue(next.id(), id, write.key(), next.json(), next.changedAt(), caller.login());
            } else {
                statements.updateValue(next.id(), next.json(), next.revision(), next.changedAt(), caller.login());
            }
            statements.valueEvent(nextId(EventEntity.class), id, write.key(), write.current() == null ? null : write.current().json(), next.json(), next.changedAt(),
                    caller.login());
            if (write.file()) {
                statements.deleteFile(next.id());
            }
        }
        if (plan.starts()) {
            // The first change starts the work: rare, and through JPA like every other transition.
            Stored.transition(em, em.find(SubmissionEntity.class, id), plan.after().state(), caller, null);
        }
    }

    /** Writes a decoded value after the revision check, through JPA (file indicators); the first change starts the work. */
    ValueEntity store(EntityManager em, SubmissionEntity submission, Workflow.Decision decision, Caller caller,
                              FormDefinition definition, String key, Object decoded, int expectedRevision) {
        long id = submission.id();
        ValueEntity value = Stored.value(em, id, key);
        ValueChecks.revision(key, value == null ? null : new ValueChecks.Revision(value.revision(), Stored.read(value.json()), value.changedBy(), value.changedAt()),
                expectedRevision);
        if (value == null) {
            Set<String> keys = new HashSet<>();
            Stored.values(em, id).forEach(v -> keys.add(v.key()));
            ValueChecks.openRowLimit(definition, keys, key);
        }
        value = Stored.record(em, id, key, value, Stored.write(ValueCodec.encode(decoded)), caller);
        if (decision.next() != submission.state()) {
            Stored.transition(em, submission, decision.next(), caller, null);
        }
        return value;
    }

    View finish(EntityManager em, SubmissionEntity submission, Caller caller) {
        submission.touch(caller.login());
        View view = views.view(em, submission, caller);
        submission.completion(view.submission().completion());
        return view;
    }

    /** The school's explanation of a warning (a warning needs one before the form can be submitted). */
    public View explain(long id, String ruleId, String text) {
        Caller caller = CallerContext.require(Role.SCHOOL_COORDINATOR);
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw SubmissionException.of(INVALID, "submission.explanation-characters");
        }
        return jpa.txExpr(em -> {
            SubmissionEntity submission = access.visible(em, id, caller, true);
            access.decide(submission, Action.EDIT, caller);
            if (access.definition(submission).rules().stream().noneMatch(r -> r.id().equals(ruleId) && r.severity() == Severity.WARNING)) {
                throw SubmissionException.of(INVALID, "submission.no-such-warning", ruleId);
            }
            em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.EXPLANATION, ruleId, null, text.trim()));
            return views.view(em, submission, caller);
        });
    }
}
