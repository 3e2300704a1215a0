package org.oko.forms.api;

import java.util.Map;
import java.util.Set;

/**
 * SPI: a module's calculation of values the expression language cannot give — a lookup of catalog
 * data, a regional formula, figures from another system (a whiteboard service; register it with DS).
 * <p>
 * Service property {@value #FORM_ID}: the form id it calculates for (required).
 * <p>
 * The keys it {@linkplain #provides provides} are ordinary (not {@code computed}) indicators or
 * cells of the definition. While the calculator is registered nobody types them: a save of such a
 * key is refused (400), and an import naming one is refused. Their values are calculated each time
 * the submission is evaluated (every read, save and export), from the values typed in, before the
 * definition's computed indicators and rules, which may use them; the view shows them among the
 * computed values. Nothing calculated is stored: a value typed before the calculator came stays in
 * the database and shows again once the calculator is gone. Calculators run as the system (the
 * result must not depend on who reads); they are called on every read, so keep them quick (cache
 * lookups). A calculator that throws, or answers a value that does not fit its indicator, yields
 * one error message on the form and a log entry; the other calculators and the form still work.
 *
 * @since 1.2
 */
public interface FormCalculator {

    String FORM_ID = FormValidator.FORM_ID;

    /**
     * The keys this calculator fills in this version of the form: indicator codes or cell keys
     * ({@code table.column[row]}). Keys that are no input of the definition are ignored (and logged).
     */
    Set<String> provides(FormDefinition definition);

    /**
     * @param organisationCode the submission's organisation (catalog code)
     * @param period           the submission's period ({@code 2026-04})
     * @param values           the values typed in, by key: BigDecimal, String, Boolean, LocalDate or
     *                         List&lt;String&gt; (without the keys calculators provide)
     * @return values by key, only keys it {@linkplain #provides provides}: Number, String, Boolean,
     *         LocalDate, List&lt;String&gt;; a missing key or null means no value
     */
    Map<String, Object> calculate(FormDefinition definition, String organisationCode, String period, Map<String, Object> values);

    /**
     * The keys, of those a calculator can fill, that this version of the form has: an indicator by its code, a cell
     * ({@code table.column[row]}) by its table. A later version without one of them is still filled.
     *
     * @since 1.4
     */
    static Set<String> present(FormDefinition definition, java.util.Collection<String> keys) {
        Set<String> present = new java.util.LinkedHashSet<>();
        for (String key : keys) {
            int cell = key.indexOf('[');
            if (definition.item(cell >= 0 ? key.substring(0, key.indexOf('.')) : key).isPresent()) {
                present.add(key);
            }
        }
        return present;
    }
}
