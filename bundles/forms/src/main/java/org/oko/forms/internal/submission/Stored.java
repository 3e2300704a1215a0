package org.oko.forms.internal.submission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import javax.persistence.EntityManager;

import org.oko.forms.api.SubmissionState;
import org.oko.platform.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A submission's rows as the parts of the submission service read and write them: values, events, transitions. */
final class Stored {

    private static final Logger LOG = LoggerFactory.getLogger(Stored.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Stored() {
    }

    static List<ValueEntity> values(EntityManager em, long id) {
        return em.createQuery("SELECT v FROM ValueEntity v WHERE v.submissionId = :id ORDER BY v.key", ValueEntity.class)
                .setParameter("id", id).getResultList();
    }

    static ValueEntity value(EntityManager em, long id, String key) {
        return em.createQuery("SELECT v FROM ValueEntity v WHERE v.submissionId = :id AND v.key = :key", ValueEntity.class)
                .setParameter("id", id).setParameter("key", key).getResultStream().findFirst().orElse(null);
    }

    /**
     * A submission's whole history, in the order it happened. By time, the id breaking ties: ids are not in order
     * of time — a save takes a block of them ahead ({@link Ids}), and each node of several has blocks of its own.
     */
    static List<EventEntity> history(EntityManager em, long id) {
        return em.createQuery("SELECT e FROM EventEntity e WHERE e.submissionId = :id ORDER BY e.occurredAt, e.id", EventEntity.class)
                .setParameter("id", id).getResultList();
    }

    /** A submission's events of one kind, through the first two columns of the history's key (SUBMISSION_ID, KIND, ID). */
    static List<EventEntity> events(EntityManager em, long id, EventEntity.Kind kind) {
        return em.createQuery("SELECT e FROM EventEntity e WHERE e.submissionId = :id AND e.kind = :kind ORDER BY e.occurredAt, e.id",
                        EventEntity.class)
                .setParameter("id", id).setParameter("kind", kind).getResultList();
    }

    /** A value's new JSON under a new revision, with its line in the history. */
    static ValueEntity record(EntityManager em, long id, String key, ValueEntity value, String json, Caller caller) {
        if (value == null) {
            value = new ValueEntity(id, key);
            em.persist(value);
        }
        String old = value.json();
        value.set(json, caller.login());
        em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.VALUE, key, old, json));
        return value;
    }

    /** A change of state, with its line in the history. */
    static void transition(EntityManager em, SubmissionEntity submission, SubmissionState next, Caller caller, String comment) {
        SubmissionState from = submission.state();
        submission.state(next);
        submission.touch(caller.login());
        em.persist(new EventEntity(submission.id(), caller.login(), EventEntity.Kind.TRANSITION, comment, from.name(), next.name()));
        LOG.info("Submission {} ({} of {}): {} → {} by {}", submission.id(), submission.formId(), submission.organisationCode(),
                from, next, caller.login());
    }

    static SubmissionService.HistoryEntry entry(EventEntity event) {
        return new SubmissionService.HistoryEntry(event.occurredAt(), event.actor(), event.kind().name(), event.key(), event.oldText(),
                event.newText());
    }

    static SubmissionService.FileContent content(StoredFile file) {
        return new SubmissionService.FileContent(file.fileName(), file.contentType(), file.content());
    }

    /**
     * A stored value's JSON as Jackson reads it: Integer, Long, Double, String, Boolean, List. Small whole numbers and
     * booleans, most of what forms hold, are read without the parser (a region's analytics reads hundreds of thousands).
     */
    static Object read(String json) {
        if (json == null) {
            return null;
        }
        Object plain = plain(json);
        if (plain != null) {
            return plain;
        }
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code true}, {@code false} or an int of at most nine digits without leading zeros; null for anything else. */
    static Object plain(String json) {
        if (json.equals("true")) {
            return Boolean.TRUE;
        }
        if (json.equals("false")) {
            return Boolean.FALSE;
        }
        int start = json.startsWith("-") ? 1 : 0;
        int digits = json.length() - start;
        if (digits < 1 || digits > 9 || (json.charAt(start) == '0' && digits > 1)) {
            return null;
        }
        for (int i = start; i < json.length(); i++) {
            if (json.charAt(i) < '0' || json.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.valueOf(json);
    }

    /** A value as JSON; numbers and booleans, what a save mostly writes, as Jackson would write them but without it. */
    static String write(Object value) {
        if (value instanceof java.math.BigDecimal || value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
