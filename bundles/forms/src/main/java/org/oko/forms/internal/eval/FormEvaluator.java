package org.oko.forms.internal.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.RowSpec;

/**
 * Evaluates a submission against its definition. Stateless and thread-safe; parsed expressions may be cached.
 * (Placeholder: the expression language and the full evaluation arrive with their own change.)
 */
public final class FormEvaluator {

    /**
     * @param values          typed values by key: BigDecimal, String, Boolean, LocalDate, List&lt;String&gt;
     * @param structuralUnits rows of tables broken down by STRUCTURAL_UNIT (the organisation and its branches)
     */
    public Evaluation evaluate(FormDefinition definition, Map<String, Object> values, List<RowSpec> structuralUnits) {
        return new Evaluation(Map.of(), Set.of(), List.of(), 0);
    }
}
