package org.oko.forms.internal.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oko.forms.api.Severity;
import org.oko.forms.api.ValidationMessage;

/**
 * What the server computes of a submission's values: computed indicators, hidden items, messages
 * and completion. The browser shows exactly this; it never evaluates expressions itself.
 *
 * @param computed          values of computed indicators and computed table cells, by key
 * @param hidden            keys (indicator codes, table codes, section ids) whose visibleIf is false
 * @param messages          every message: required, type, range, pattern, rules, module validators
 * @param completionPercent required visible indicators (and cells of fixed/breakdown rows) filled, 0–100
 */
public record Evaluation(Map<String, Object> computed, Set<String> hidden, List<ValidationMessage> messages,
                         int completionPercent) {

    public boolean hasErrors() {
        return messages.stream().anyMatch(m -> m.severity() == Severity.ERROR);
    }
}
