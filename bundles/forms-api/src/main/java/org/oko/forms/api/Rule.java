package org.oko.forms.api;

import java.util.List;

/**
 * A validation rule across indicators: {@code check} is a condition that must hold, e.g.
 * {@code teachers_highest <= teachers_total} or {@code sum(pupils.total) = pupils_total}.
 * A rule whose inputs are missing is not evaluated (the required marks cover missing values).
 *
 * @param fields the indicators the message is shown at; empty means the form as a whole
 */
public record Rule(String id, String check, Text message, Severity severity, List<String> fields) {

    public Rule {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
