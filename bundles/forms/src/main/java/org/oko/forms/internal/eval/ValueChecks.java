package org.oko.forms.internal.eval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.Option;
import org.oko.forms.api.Severity;
import org.oko.forms.api.Text;
import org.oko.forms.api.ValidationMessage;
import org.oko.forms.internal.FormsTexts;

/** The checks of one typed input value against its indicator: required, type, range, pattern, options. */
final class ValueChecks {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, Optional<Pattern>> patterns = new ConcurrentHashMap<>();

    /** Missing values: null, blank text, an empty list (what a school leaves empty). */
    static boolean isMissing(Object value) {
        return value == null || value instanceof String s && s.isBlank() || value instanceof List<?> l && l.isEmpty();
    }

    /** The first problem of a visible input's value, if any. */
    Optional<ValidationMessage> check(String key, Indicator indicator, Object value) {
        if (isMissing(value)) {
            return indicator.required() ? message(key, "required", FormsTexts.text("value.required"))
                    : Optional.empty();
        }
        if (!hasType(indicator.type(), value)) {
            return message(key, "type", FormsTexts.text("value.wrong-type"));
        }
        return switch (indicator.type()) {
            case INTEGER, DECIMAL, PERCENT -> number(key, indicator, (BigDecimal) value);
            case TEXT -> text(key, indicator, (String) value);
            case CHOICE -> option(key, indicator, List.of((String) value));
            case MULTI_CHOICE -> option(key, indicator, (List<?>) value);
            default -> Optional.empty();
        };
    }

    private static boolean hasType(IndicatorType type, Object value) {
        return switch (type) {
            case INTEGER, DECIMAL, PERCENT -> value instanceof BigDecimal;
            case TEXT, CHOICE, FILE -> value instanceof String;
            case BOOLEAN -> value instanceof Boolean;
            case DATE -> value instanceof LocalDate;
            case MULTI_CHOICE -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
        };
    }

    private Optional<ValidationMessage> number(String key, Indicator indicator, BigDecimal value) {
        if (indicator.type() == IndicatorType.INTEGER && value.stripTrailingZeros().scale() > 0) {
            return message(key, "type", FormsTexts.text("value.whole-number"));
        }
        boolean percent = indicator.type() == IndicatorType.PERCENT;
        BigDecimal min = indicator.min() != null ? indicator.min() : percent ? BigDecimal.ZERO : null;
        BigDecimal max = indicator.max() != null ? indicator.max() : percent ? HUNDRED : null;
        if (min != null && value.compareTo(min) < 0) {
            return message(key, "min", FormsTexts.text("value.min", min.toPlainString()));
        }
        if (max != null && value.compareTo(max) > 0) {
            return message(key, "max", FormsTexts.text("value.max", max.toPlainString()));
        }
        return Optional.empty();
    }

    private Optional<ValidationMessage> text(String key, Indicator indicator, String value) {
        if (indicator.pattern() == null) {
            return Optional.empty();
        }
        Optional<Pattern> pattern = patterns.computeIfAbsent(indicator.pattern(), ValueChecks::compile);
        if (pattern.isPresent() && !pattern.get().matcher(value).matches()) {
            return message(key, "pattern", FormsTexts.text("value.pattern"));
        }
        return Optional.empty();
    }

    private static Optional<ValidationMessage> option(String key, Indicator indicator, List<?> chosen) {
        for (Object value : chosen) {
            if (indicator.options().stream().map(Option::value).noneMatch(value::equals)) {
                return message(key, "option", FormsTexts.text("value.option", value));
            }
        }
        return Optional.empty();
    }

    /** An invalid pattern checks nothing here; the definition checker reports it. */
    private static Optional<Pattern> compile(String regex) {
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<ValidationMessage> message(String key, String ruleId, Text text) {
        return Optional.of(new ValidationMessage(key, Severity.ERROR, text, ruleId));
    }
}
