package org.oko.forms.internal.submission;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.oko.forms.api.SubmissionState;
import org.oko.forms.internal.submission.SubmissionService.HistoryEntry;

/**
 * One submission as stored at one count of its writes ({@link SubmissionEntity#writes()}): its row,
 * its values read and decoded once, the explanations and the return's comments. Immutable: a save
 * makes the next one from it ({@link #saved}) instead of reading the submission again.
 *
 * @param values       key → the stored value, in key order
 * @param explanations rule id → the school's explanation of that warning
 * @param returnComments the last return to the school and the verifier's comments on it
 */
record Snapshot(long id, String period, String formId, int formVersion, String organisationCode, SubmissionState state,
                Instant changedAt, long writes, Map<String, StoredValue> values, Map<String, String> explanations,
                List<HistoryEntry> returnComments, boolean letter) {

    /**
     * A stored value: its row's id, its JSON as stored, that JSON read ({@code raw}) and decoded for its
     * indicator ({@code typed}, null when empty or no longer fitting the form).
     */
    record StoredValue(long id, String json, Object raw, Object typed, int revision, String changedBy, Instant changedAt) {
    }

    Snapshot {
        // Sorted, so that the next snapshot's copy is built in one pass (TreeMap's copy of a sorted map compares nothing).
        values = Collections.unmodifiableSortedMap(values instanceof SortedMap<String, StoredValue> sorted ? sorted : new TreeMap<>(values));
        explanations = Collections.unmodifiableMap(explanations);
        returnComments = List.copyOf(returnComments);
    }

    /** The snapshot after a save wrote these values and counted one write more. */
    Snapshot saved(Map<String, StoredValue> written, SubmissionState newState, Instant at) {
        Map<String, StoredValue> next = new TreeMap<>((SortedMap<String, StoredValue>) values);
        next.putAll(written);
        return new Snapshot(id, period, formId, formVersion, organisationCode, newState, at, writes + 1, next,
                explanations, returnComments, letter);
    }

    /** The submission's decoded values, as the evaluator and the modules see them. */
    Map<String, Object> typed() {
        Map<String, Object> typed = new HashMap<>();
        values.forEach((key, value) -> {
            if (value.typed() != null) {
                typed.put(key, value.typed());
            }
        });
        return typed;
    }
}
