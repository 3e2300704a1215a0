package org.oko.forms.internal.eval;

import java.util.List;
import java.util.Map;

import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.RowSpec;

/**
 * Evaluates a submission against its definition. Stateless apart from caches of parsed
 * expressions and compiled patterns, and thread-safe: called on every value save.
 */
public final class FormEvaluator {

    private final ExpressionCache expressions = new ExpressionCache();
    private final ValueChecks checks = new ValueChecks();

    /**
     * @param values          typed values by key: BigDecimal, String, Boolean, LocalDate, List&lt;String&gt;
     * @param structuralUnits rows of tables broken down by STRUCTURAL_UNIT (the organisation and its branches)
     */
    public Evaluation evaluate(FormDefinition definition, Map<String, Object> values, List<RowSpec> structuralUnits) {
        return new EvaluationRun(definition, values, structuralUnits == null ? List.of() : structuralUnits,
                expressions, checks).run();
    }

    /** The computed values alone (no messages, no completion): what analytics over many submissions reads. */
    public Map<String, Object> computed(FormDefinition definition, Map<String, Object> values, List<RowSpec> structuralUnits) {
        return new EvaluationRun(definition, values, structuralUnits == null ? List.of() : structuralUnits,
                expressions, checks).computeOnly();
    }
}
