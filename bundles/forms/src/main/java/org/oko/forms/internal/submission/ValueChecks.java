package org.oko.forms.internal.submission;

import static org.oko.forms.internal.submission.SubmissionException.Kind.CONFLICT;
import static org.oko.forms.internal.submission.SubmissionException.Kind.INVALID;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.oko.forms.api.CellKey;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Rows;
import org.oko.forms.api.Table;

/** The checks of a value to save against what the submission holds: its revision, and the row limit of an open table. */
final class ValueChecks {

    private ValueChecks() {
    }

    /** A stored value's revision and who made it, for the check and the conflict's answer. */
    record Revision(int revision, Object value, String changedBy, Instant changedAt) {
    }

    /** The client's revision must be the stored one (0: none stored): else a conflict naming the newer value. */
    static void revision(String key, Revision stored, int expectedRevision) {
        int current = stored == null ? 0 : stored.revision();
        if (current != expectedRevision) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("key", key);
            details.put("currentValue", stored == null ? null : stored.value());
            details.put("currentRevision", current);
            details.put("changedBy", stored == null ? null : stored.changedBy());
            details.put("changedAt", stored == null ? null : stored.changedAt().toString());
            throw SubmissionException.of(CONFLICT, "submission.value-conflict", stored == null ? "—" : stored.changedBy())
                    .withDetails(details).withField(key);
        }
    }

    /** A new row of an open table must fit its table's row limit; {@code stored} are the keys the submission holds. */
    static void openRowLimit(FormDefinition definition, Set<String> stored, String key) {
        CellKey.parse(key).ifPresent(cell -> {
            if (definition.item(cell.table()).orElse(null) instanceof Table table && table.rows().kind() == Rows.Kind.OPEN
                    && table.rows().maxRows() != null) {
                Set<String> rows = new HashSet<>();
                for (String storedKey : stored) {
                    CellKey.parse(storedKey).filter(c -> c.table().equals(cell.table())).ifPresent(c -> rows.add(c.row()));
                }
                if (!rows.contains(cell.row()) && rows.size() >= table.rows().maxRows()) {
                    throw SubmissionException.of(INVALID, "submission.at-most-rows", table.code(), table.rows().maxRows());
                }
            }
        });
    }
}
