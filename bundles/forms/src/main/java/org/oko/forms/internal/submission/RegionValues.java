package org.oko.forms.internal.submission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.persistence.FlushModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.internal.eval.ValueCodec;
import org.oko.platform.api.security.Caller;

/**
 * The values of a form's submissions across the region, for analytics over many schools: read in two queries and
 * evaluated for their computed values only (no messages, completion or actions), and a token of their changes.
 */
final class RegionValues {

    private final JpaTemplate jpa;
    private final SubmissionAccess access;
    private final Snapshots snapshots;
    private final SubmissionViews views;

    RegionValues(JpaTemplate jpa, SubmissionAccess access, Snapshots snapshots, SubmissionViews views) {
        this.jpa = jpa;
        this.access = access;
        this.snapshots = snapshots;
        this.views = views;
    }

    /**
     * A form's values in a period, of every version, within the caller's scope: each submission's values with its
     * computed ones (calculators included), by organisation and key; files and texts as the view has them. A region's
     * thousand submissions are read with two queries (their rows, then all their values as plain columns), not a
     * snapshot's five queries each: read into one unit of work, every query flushed first compared all it held (n²).
     */
    Map<String, Map<String, Object>> values(Caller caller, String period, String formId) {
        return jpa.txExpr(em -> {
            em.setFlushMode(FlushModeType.COMMIT); // reads only: nothing to flush before each query
            List<SubmissionEntity> submissions = em.createQuery("SELECT s FROM SubmissionEntity s WHERE s.formId = :f AND s.period = :p",
                    SubmissionEntity.class).setParameter("f", formId).setParameter("p", period).getResultList().stream()
                    .filter(s -> caller.scope().contains(s.organisationCode())).toList();
            Map<Long, Map<String, Snapshot.StoredValue>> stored = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT v.submissionId, v.key, v.json, v.id, v.revision, v.changedBy, v.changedAt FROM ValueEntity v,"
                    + " SubmissionEntity s WHERE v.submissionId = s.id AND s.formId = :f AND s.period = :p", Object[].class)
                    .setParameter("f", formId).setParameter("p", period).getResultList()) {
                stored.computeIfAbsent((Long) row[0], id -> new TreeMap<>()).put((String) row[1], new Snapshot.StoredValue((Long) row[3],
                        (String) row[2], Stored.read((String) row[2]), null, (Integer) row[4], (String) row[5], ((java.sql.Timestamp) row[6]).toInstant()));
            }
            access.prefetch(submissions.stream().map(SubmissionEntity::organisationCode).toList());
            Map<String, Map<String, Object>> all = new TreeMap<>();
            Map<String, Optional<Indicator>> indicators = new HashMap<>(); // version and key → indicator
            for (SubmissionEntity submission : submissions) {
                Snapshot snapshot = snapshots.kept(submission.id(), submission.writes());
                if (snapshot == null) {
                    snapshot = valuesOnly(submission, stored.getOrDefault(submission.id(), Map.of()), indicators);
                }
                all.put(submission.organisationCode(), views.values(snapshot));
            }
            return all;
        });
    }

    /**
     * A submission's values as a snapshot without its events (the values and computed ones need none), not kept; each
     * key's indicator looked up once per form version ({@code indicators}), not once per school.
     */
    private Snapshot valuesOnly(SubmissionEntity submission, Map<String, Snapshot.StoredValue> read,
                                Map<String, Optional<Indicator>> indicators) {
        FormDefinition definition = access.definition(submission);
        Map<String, Snapshot.StoredValue> values = new TreeMap<>();
        read.forEach((key, v) -> {
            Indicator indicator = indicators.computeIfAbsent(submission.formVersion() + " " + key,
                    k -> Optional.ofNullable(SubmissionViews.indicatorOf(definition, key))).orElse(null);
            Object typed = null;
            if (indicator != null && v.raw() != null) {
                ValueCodec.Decoded decoded = ValueCodec.decode(indicator, v.raw());
                typed = decoded.ok() ? decoded.value() : null;
            }
            values.put(key, new Snapshot.StoredValue(v.id(), v.json(), v.raw(), typed, v.revision(), v.changedBy(), v.changedAt()));
        });
        return new Snapshot(submission.id(), submission.period(), submission.formId(), submission.formVersion(), submission.organisationCode(),
                submission.state(), submission.changedAt(), submission.writes(), values, Map.of(), List.of(), false);
    }

    /**
     * What changes whenever a submission of the form in the period is assigned, written or removed: their count, the
     * sum of their writes (each write transaction adds one) and the newest id. One aggregate query, for caches of values.
     */
    String changes(String period, String formId) {
        return jpa.txExpr(em -> {
            Object[] row = em.createQuery("SELECT COUNT(s), SUM(s.writes), MAX(s.id) FROM SubmissionEntity s WHERE s.formId = :f AND s.period = :p",
                    Object[].class).setParameter("f", formId).setParameter("p", period).getSingleResult();
            return row[0] + "/" + row[1] + "/" + row[2];
        });
    }
}
