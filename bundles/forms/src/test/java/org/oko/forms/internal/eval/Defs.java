package org.oko.forms.internal.eval;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.oko.forms.api.Breakdown;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.Option;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Rows;
import org.oko.forms.api.Rule;
import org.oko.forms.api.Section;
import org.oko.forms.api.SectionItem;
import org.oko.forms.api.Severity;
import org.oko.forms.api.Table;
import org.oko.forms.api.Text;

/** Small builders of definitions for tests. */
final class Defs {

    private Defs() {
    }

    static Indicator input(String code, IndicatorType type, boolean required) {
        return new Indicator(code, Text.of(code), null, type, null, required, null, null, null, List.of(), null, null);
    }

    static Indicator ranged(String code, IndicatorType type, String min, String max) {
        return new Indicator(code, Text.of(code), null, type, null, false, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null, List.of(), null, null);
    }

    static Indicator patterned(String code, String pattern) {
        return new Indicator(code, Text.of(code), null, IndicatorType.TEXT, null, false, null, null, pattern, List.of(),
                null, null);
    }

    static Indicator choice(String code, IndicatorType type, String... options) {
        return new Indicator(code, Text.of(code), null, type, null, false, null, null, null,
                Arrays.stream(options).map(o -> new Option(o, Text.of(o))).toList(), null, null);
    }

    static Indicator computed(String code, String expression) {
        return new Indicator(code, Text.of(code), null, IndicatorType.INTEGER, null, false, null, null, null, List.of(),
                expression, null);
    }

    static Indicator visibleIf(Indicator i, String condition) {
        return new Indicator(i.code(), i.label(), i.hint(), i.type(), i.unit(), i.required(), i.min(), i.max(),
                i.pattern(), i.options(), i.computed(), condition);
    }

    static Table table(String code, Rows rows, Indicator... columns) {
        return new Table(code, Text.of(code), null, rows, List.of(columns), null);
    }

    static Rows breakdown(Breakdown breakdown) {
        return new Rows(Rows.Kind.BREAKDOWN, null, breakdown, null);
    }

    static Rows fixed(String... keys) {
        return new Rows(Rows.Kind.FIXED, Arrays.stream(keys).map(k -> new RowSpec(k, Text.of(k))).toList(), null, null);
    }

    static Rows open() {
        return new Rows(Rows.Kind.OPEN, null, null, 10);
    }

    static Section section(String id, String visibleIf, SectionItem... items) {
        return new Section(id, Text.of(id), visibleIf, List.of(items));
    }

    static Rule rule(String id, String check, Severity severity, String... fields) {
        return new Rule(id, check, Text.of("Правило " + id), severity, List.of(fields));
    }

    static FormDefinition form(List<Section> sections, Rule... rules) {
        return new FormDefinition("test", 1, Text.of("Тест"), null, sections, List.of(rules), null);
    }
}
