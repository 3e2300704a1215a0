package org.oko.forms.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A показатель: one value of a submission, or one column of a table.
 *
 * @param code      identifier, unique in the form (letters, digits, underscore; starts with a letter)
 * @param unit      unit shown next to the value ("чел.", "%"), or null
 * @param min       smallest allowed numeric value, or null
 * @param max       largest allowed numeric value, or null
 * @param pattern   regular expression a text value must match, or null
 * @param options   answers of a choice or multi-choice, empty otherwise
 * @param computed  an expression; a computed indicator is never typed in, the server evaluates it
 * @param visibleIf a condition; null means always shown
 */
public record Indicator(String code, Text label, Text hint, IndicatorType type, String unit, boolean required,
                        BigDecimal min, BigDecimal max, String pattern, List<Option> options, String computed,
                        String visibleIf) implements SectionItem {

    public Indicator {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean isComputed() {
        return computed != null;
    }
}
