package org.oko.forms.internal.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
     * Each definition's index, by the definition itself (the registry hands out one instance per form version):
     * at most {@link #KEPT_INDEXES}, forgotten all at once beyond, when modules were replaced many times.
     */
    private final Map<Identity, FormIndex> indexes = new ConcurrentHashMap<>();
    static final int KEPT_INDEXES = 256;

    /** A definition compared by identity: a record's own equals walks every section and item. */
    private record Identity(FormDefinition definition) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.definition == definition;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(definition);
        }
    }

    private FormIndex index(FormDefinition definition) {
        FormIndex index = indexes.get(new Identity(definition));
        if (index == null) {
            if (indexes.size() >= KEPT_INDEXES) {
                indexes.clear();
            }
            index = new FormIndex(definition);
            indexes.put(new Identity(definition), index);
        }
        return index;
    }

    /**
     * @param values          typed values by key: BigDecimal, String, Boolean, LocalDate, List&lt;String&gt;
     * @param structuralUnits rows of tables broken down by STRUCTURAL_UNIT (the organisation and its branches)
     */
    public Evaluation evaluate(FormDefinition definition, Map<String, Object> values, List<RowSpec> structuralUnits) {
        return new EvaluationRun(index(definition), values, structuralUnits == null ? List.of() : structuralUnits,
                expressions, checks).run();
    }

    /** The computed values alone (no messages, no completion): what analytics over many submissions reads. */
    public Map<String, Object> computed(FormDefinition definition, Map<String, Object> values, List<RowSpec> structuralUnits) {
        return new EvaluationRun(index(definition), values, structuralUnits == null ? List.of() : structuralUnits,
                expressions, checks).computeOnly();
    }

    /** The computed values of {@code reads} alone, from values holding at least what it reads. */
    public Map<String, Object> computed(FormDefinition definition, Map<String, Object> values, List<RowSpec> structuralUnits, Reads reads) {
        if (reads.computed().isEmpty()) {
            return Map.of(); // most forms' keys analytics reads are typed in: nothing to index or order
        }
        return new EvaluationRun(index(definition), values, structuralUnits == null ? List.of() : structuralUnits,
                expressions, checks).computeOnly(reads.computed());
    }

    /**
     * What must be read to answer {@code keys} of the form, computed ones through what they read, except the keys
     * calculators {@code provided} (their values replace the stored ones).
     */
    public Reads reads(FormDefinition definition, Set<String> keys, Set<String> provided) {
        return Reads.of(index(definition), expressions::orNull, keys, provided);
    }
}
