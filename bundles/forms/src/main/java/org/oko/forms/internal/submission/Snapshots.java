package org.oko.forms.internal.submission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.SubmissionState;
import org.oko.forms.internal.eval.ValueCodec;
import org.oko.forms.internal.submission.Snapshot.StoredValue;
import org.oko.forms.internal.submission.SubmissionService.HistoryEntry;

/**
 * Submissions as stored, read once and kept while nobody writes: a snapshot is valid for as long as
 * its submission's row holds the same count of writes, which every write transaction raises under
 * the row's lock. A reader compares the count of the row it read; a save compares the count of the
 * row it locked, so that it never decides on a stale snapshot — on this node or another one sharing
 * the database. Only what is committed, or about to be, is kept: a save keeps the snapshot it leaves
 * just before its commit and forgets it if the commit fails; other write transactions keep nothing.
 */
final class Snapshots {

    /** Submissions kept; past it the memory starts again (a region's active forms fit well below). */
    static final int MAX = 5_000;

    /** Events in the order they happened (as {@link Stored#history}): by time, the id breaking ties. */
    static final Comparator<EventEntity> IN_TIME = Comparator.comparing(EventEntity::occurredAt).thenComparingLong(EventEntity::id);

    private final SubmissionAccess access;
    private final Map<Long, Snapshot> kept = new ConcurrentHashMap<>();

    Snapshots(SubmissionAccess access) {
        this.access = access;
    }

    /** The submission as a read-only transaction sees it: kept, or read and kept. */
    Snapshot committed(EntityManager em, SubmissionEntity submission) {
        Snapshot snapshot = kept(submission.id(), submission.writes());
        if (snapshot == null) {
            snapshot = read(em, submission);
            keep(snapshot);
        }
        return snapshot;
    }

    /** The snapshot kept of a submission, whatever its count of writes, or null. */
    Snapshot latest(long id) {
        return kept.get(id);
    }

    /** The snapshot kept for this count of writes, or null. */
    Snapshot kept(long id, long writes) {
        Snapshot snapshot = kept.get(id);
        return snapshot != null && snapshot.writes() == writes ? snapshot : null;
    }

    /** Keeps a committed snapshot, unless one of a later count is kept already. */
    void keep(Snapshot snapshot) {
        if (kept.size() >= MAX) {
            kept.clear();
        }
        kept.merge(snapshot.id(), snapshot, (old, fresh) -> fresh.writes() >= old.writes() ? fresh : old);
    }

    /** Forgets a snapshot kept for a transaction that then failed: the database never held it. */
    void forget(Snapshot snapshot) {
        kept.remove(snapshot.id(), snapshot);
    }

    /**
     * Reads the submission's values and the events a view shows, in the caller's transaction (a write
     * transaction sees its own changes); the row was read first, so the values are at least as new as
     * its count says.
     */
    Snapshot read(EntityManager em, SubmissionEntity submission) {
        FormDefinition definition = access.definition(submission);
        Map<String, StoredValue> values = new TreeMap<>();
        for (ValueEntity value : Stored.values(em, submission.id())) {
            Object raw = Stored.read(value.json());
            values.put(value.key(), new StoredValue(value.id(), value.json(), raw, typed(definition, value.key(), raw), value.revision(),
                    value.changedBy(), value.changedAt()));
        }
        Map<String, String> explanations = new LinkedHashMap<>();
        List<HistoryEntry> comments = new ArrayList<>();
        // Only the kinds the view shows: a busy submission has thousands of value changes in its history.
        // One equality per kind: Derby seeks the first two columns of the history's key for each, where an IN list
        // of kinds cost it twice as much CPU in the bench's profile (docs/performance.md).
        List<EventEntity> events = new ArrayList<>();
        for (EventEntity.Kind kind : List.of(EventEntity.Kind.EXPLANATION, EventEntity.Kind.TRANSITION, EventEntity.Kind.COMMENT)) {
            events.addAll(Stored.events(em, submission.id(), kind));
        }
        events.sort(IN_TIME);
        int lastReturn = -1;
        for (int i = 0; i < events.size(); i++) {
            EventEntity event = events.get(i);
            if (event.kind() == EventEntity.Kind.EXPLANATION) {
                explanations.put(event.key(), event.newText());
            } else if (event.kind() == EventEntity.Kind.TRANSITION && SubmissionState.RETURNED.name().equals(event.newText())) {
                lastReturn = i;
            }
        }
        // The last return's transition and the comments written with it or after it.
        if (lastReturn >= 0) {
            comments.add(Stored.entry(events.get(lastReturn)));
            for (EventEntity event : events.subList(lastReturn + 1, events.size())) {
                if (event.kind() == EventEntity.Kind.COMMENT) {
                    comments.add(Stored.entry(event));
                }
            }
        }
        return new Snapshot(submission.id(), submission.period(), submission.formId(), submission.formVersion(),
                submission.organisationCode(), submission.state(), submission.changedAt(), submission.writes(),
                values, explanations, comments, em.find(LetterEntity.class, submission.id()) != null);
    }

    /** A stored value decoded for its indicator; null when empty, or when the form no longer has or accepts it. */
    static Object typed(FormDefinition definition, String key, Object raw) {
        Indicator indicator = SubmissionViews.indicatorOf(definition, key);
        if (indicator == null || raw == null) {
            return null;
        }
        ValueCodec.Decoded decoded = ValueCodec.decode(indicator, raw);
        return decoded.ok() ? decoded.value() : null;
    }
}
