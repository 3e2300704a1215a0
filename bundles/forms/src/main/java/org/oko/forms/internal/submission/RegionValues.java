package org.oko.forms.internal.submission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.internal.eval.Reads;
import org.oko.forms.internal.eval.ValueCodec;
import org.oko.platform.api.security.Caller;

/**
 * The values of a form's submissions across the region, for analytics over many schools: read in two queries and
 * evaluated for their computed values only (no messages, completion or actions), and a token of their changes.
 */
final class RegionValues {

    /** Beyond this many keys and columns, a form's values are read whole (a request whose query had 112 ranges did not end within 300 s). */
    private static final int MAX_RANGES = 40;

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
     * computed ones (calculators included), by organisation and key; files and texts as the view has them. With
     * {@code keys}, only those keys are answered, and only what they need is read and computed (a few of a form's
     * hundreds). A region's thousand submissions are read with two queries (their rows, then their values as plain
     * columns in one SQL query), not a snapshot's five queries each: read into one unit of work, every query flushed
     * first compared all it held (n²); and through JPQL, building each of the many value rows cost more than reading it.
     */
    Map<String, Map<String, Object>> values(Caller caller, String period, String formId, Set<String> keys) {
        return jpa.txExpr(em -> {
            em.setFlushMode(FlushModeType.COMMIT); // reads only: nothing to flush before each query
            List<SubmissionEntity> submissions = em.createQuery("SELECT s FROM SubmissionEntity s WHERE s.formId = :f AND s.period = :p",
                    SubmissionEntity.class).setParameter("f", formId).setParameter("p", period).getResultList().stream()
                    .filter(s -> caller.scope().contains(s.organisationCode())).toList();
            Map<Integer, Reads> reads = new HashMap<>(); // by form version: null reads everything
            submissions.forEach(s -> reads.computeIfAbsent(s.formVersion(), v -> keys == null ? null : views.reads(access.definition(s), keys)));
            Map<Long, Map<String, Snapshot.StoredValue>> stored = stored(em, period, formId, keys == null ? null : reads.values());
            access.prefetch(submissions.stream().map(SubmissionEntity::organisationCode).toList());
            Map<String, Map<String, Object>> all = new TreeMap<>();
            Map<String, Optional<Indicator>> indicators = new HashMap<>(); // version and key → indicator
            for (SubmissionEntity submission : submissions) {
                Snapshot snapshot = snapshots.kept(submission.id(), submission.writes());
                if (snapshot == null) {
                    snapshot = valuesOnly(submission, stored.getOrDefault(submission.id(), Map.of()), indicators);
                }
                Map<String, Object> values = views.values(snapshot, reads.get(submission.formVersion()));
                if (keys != null) {
                    values.keySet().retainAll(keys);
                }
                all.put(submission.organisationCode(), values);
            }
            return all;
        });
    }

    /**
     * The stored values of a form's submissions in a period by submission and key: all of them ({@code reads} null),
     * or those that one of {@code reads} covers. Only their texts: the values' revisions and authors are for a
     * screen, and this snapshot is not kept. Plain JDBC on the transaction's connection: through EclipseLink, building
     * each row's record cost as much as Derby's reading it.
     */
    private static Map<Long, Map<String, Snapshot.StoredValue>> stored(EntityManager em, String period, String formId,
                                                                        Collection<Reads> reads) {
        // The form's submissions first, then each one's values through the (SUBMISSION_ID, VALUE_KEY) index. Derby, without
        // index statistics (a region's values loaded at once), would rather scan every value of every form: 4x slower.
        // Its hint is a comment, ended by the line break, which other databases ignore.
        String values = "SELECT v.SUBMISSION_ID, v.VALUE_KEY, v.VALUE_JSON FROM --DERBY-PROPERTIES joinOrder=FIXED\n"
                + " OKO_SUBMISSION s, %s OKO_SUBMISSION_VALUE v WHERE v.SUBMISSION_ID = s.ID AND s.FORM_ID = ? AND s.PERIOD_CODE = ?%s";
        List<Object> parameters = new ArrayList<>(List.of(formId, period));
        String sql;
        if (reads == null) {
            sql = values.formatted("", "");
        } else {
            // Each key wanted, or each column's keys, as a range of the index's second column: the index then finds the
            // rows wanted (a filter in the WHERE clause would have every row of the form fetched, then dropped).
            Map<String, String> ranges = new TreeMap<>(); // from → to, both included
            reads.forEach(r -> r.columns().forEach(column -> ranges.put(column + "[", column + "[" + Character.MAX_VALUE)));
            reads.forEach(r -> r.keys().stream().filter(key -> !inColumn(key, ranges)).forEach(key -> ranges.put(key, key)));
            if (ranges.isEmpty()) {
                return Map.of();
            }
            if (ranges.size() > MAX_RANGES) { // Derby's plan degrades with a long list: read the form's values whole
                return stored(em, period, formId, null);
            }
            String rows = String.join(", ", Collections.nCopies(ranges.size(), "(CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)))"));
            sql = values.formatted("(VALUES " + rows + ") AS k (KEY_FROM, KEY_TO),", " AND v.VALUE_KEY >= k.KEY_FROM AND v.VALUE_KEY <= k.KEY_TO");
            List<Object> bounds = new ArrayList<>();
            ranges.forEach((from, to) -> {
                bounds.add(from);
                bounds.add(to);
            });
            parameters.addAll(0, bounds); // the VALUES list comes before the WHERE clause
        }
        Map<Long, Map<String, Snapshot.StoredValue>> stored = new HashMap<>();
        Connection connection = em.unwrap(Connection.class); // the transaction's: not closed here
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String json = rows.getString(3);
                    stored.computeIfAbsent(rows.getLong(1), id -> new TreeMap<>()).put(rows.getString(2),
                            new Snapshot.StoredValue(0, json, Stored.read(json), null, 0, null, null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The values of form " + formId + " in " + period + " not read", e);
        }
        return stored;
    }

    private static boolean inColumn(String key, Map<String, String> ranges) {
        int bracket = key.indexOf('[');
        return bracket > 0 && ranges.containsKey(key.substring(0, bracket + 1));
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
