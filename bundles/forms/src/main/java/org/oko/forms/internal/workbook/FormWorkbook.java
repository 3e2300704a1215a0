package org.oko.forms.internal.workbook;

import static org.oko.forms.internal.FormsTexts.TEXTS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.oko.forms.api.Breakdown;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.Option;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Rows;
import org.oko.forms.api.Section;
import org.oko.forms.api.SectionItem;
import org.oko.forms.api.Table;
import org.oko.tables.api.XlsxWriter;

/**
 * A submission as a workbook to fill offline and upload again ({@link WorkbookImporter} reads it back): one row per
 * value anybody types — an indicator, or a table's cell of a row and column — with its key, section, label, row, unit,
 * the value held now and how to fill it; then a sheet that says how. Computed values and those a module fills are left
 * out (nobody types them). For one structural unit (a branch) only its rows of the tables by structural unit: the
 * branch fills its part, the school uploads it, and nothing else changes.
 */
public final class FormWorkbook {

    /** The columns' headers, which the importer finds again by name. */
    public static final String KEY = "workbook.key";
    public static final String VALUE = "workbook.value";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private FormWorkbook() {
    }

    /**
     * @param values     key → the value held now (null or absent: none)
     * @param calculated keys a module's calculator fills
     * @param units      the organisation's structural units (the rows of tables by structural unit)
     * @param unit       one unit's key to write only its rows, or null for the whole form
     */
    public static byte[] write(FormDefinition definition, Map<String, Object> values, Set<String> calculated, List<RowSpec> units, String unit)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(definition.id(), List.of(TEXTS.ru(KEY), TEXTS.ru("workbook.section"), TEXTS.ru("workbook.label"), TEXTS.ru("workbook.row"),
                    TEXTS.ru("workbook.unit"), TEXTS.ru(VALUE), TEXTS.ru("workbook.how")));
            for (Section section : definition.sections()) {
                for (SectionItem item : section.items()) {
                    if (item instanceof Indicator indicator && unit == null) {
                        if (typed(indicator, indicator.code(), calculated)) {
                            xlsx.row(indicator.code(), section.title().ru(), indicator.label().ru(), null, indicator.unit(),
                                    shown(indicator, values.get(indicator.code())), how(indicator));
                        }
                    } else if (item instanceof Table table) {
                        boolean byUnit = table.rows().kind() == Rows.Kind.BREAKDOWN && table.rows().breakdown() == Breakdown.STRUCTURAL_UNIT;
                        if (unit != null && !byUnit) {
                            continue;
                        }
                        for (RowSpec row : rows(table, byUnit ? units : null, values)) {
                            if (unit != null && !unit.equals(row.key())) {
                                continue;
                            }
                            for (Indicator column : table.columns()) {
                                String key = table.code() + "." + column.code() + "[" + row.key() + "]";
                                if (typed(column, key, calculated)) {
                                    xlsx.row(key, section.title().ru(), table.label().ru() + " — " + column.label().ru(), row.label().ru(),
                                            column.unit(), shown(column, values.get(key)), how(column));
                                }
                            }
                        }
                    }
                }
            }
            xlsx.sheet(TEXTS.ru("workbook.about"), List.of(TEXTS.ru("workbook.about")));
            for (String line : TEXTS.ru("workbook.instructions", definition.title().ru(), definition.version()).split("\\|")) {
                xlsx.row(line.strip());
            }
            xlsx.write(out);
        }
        return out.toByteArray();
    }

    private static boolean typed(Indicator indicator, String key, Set<String> calculated) {
        return !indicator.isComputed() && indicator.type() != IndicatorType.FILE && !calculated.contains(key);
    }

    /** A table's rows: fixed or by breakdown as defined, the organisation's units, or for open tables the rows held now. */
    private static List<RowSpec> rows(Table table, List<RowSpec> units, Map<String, Object> values) {
        if (units != null) {
            return units;
        }
        if (table.rows().kind() != Rows.Kind.OPEN) {
            return table.rows().known();
        }
        String prefix = table.code() + ".";
        return values.keySet().stream().filter(k -> k.startsWith(prefix) && k.endsWith("]")).map(k -> k.substring(k.indexOf('[') + 1, k.length() - 1))
                .distinct().sorted().map(r -> new RowSpec(r, org.oko.forms.api.Text.of(r))).toList();
    }

    /**
     * The value as people read and type it, always as text: a cell formatted as a whole number would show (and hand
     * back) 12.5 as 13, so the value column keeps what is typed. Numbers with a decimal comma, dates dd.MM.yyyy,
     * «да» and «нет», choices by their labels.
     */
    static String shown(Indicator indicator, Object value) {
        if (value == null) {
            return null;
        }
        return switch (indicator.type()) {
            case CHOICE -> label(indicator, value.toString());
            case MULTI_CHOICE -> value instanceof List<?> list ? list.stream().map(v -> label(indicator, v.toString())).collect(Collectors.joining("; "))
                    : label(indicator, value.toString());
            case DATE -> value instanceof LocalDate day ? day.format(DAY) : LocalDate.parse(value.toString()).format(DAY);
            case BOOLEAN -> TEXTS.ru(Boolean.TRUE.equals(value) || "true".equals(value.toString()) ? "workbook.yes" : "workbook.no");
            default -> value instanceof BigDecimal number ? number.toPlainString().replace('.', ',') : value.toString();
        };
    }

    private static String label(Indicator indicator, String value) {
        return indicator.options().stream().filter(o -> o.value().equals(value)).map(o -> o.label().ru()).findFirst().orElse(value);
    }

    /** How to fill the value: its kind, bounds and choices. */
    private static String how(Indicator indicator) {
        List<String> parts = new ArrayList<>();
        parts.add(TEXTS.ru("workbook.type." + indicator.type().jsonName()));
        if (indicator.min() != null) {
            parts.add(TEXTS.ru("workbook.min", indicator.min().toPlainString()));
        }
        if (indicator.max() != null) {
            parts.add(TEXTS.ru("workbook.max", indicator.max().toPlainString()));
        }
        if (!indicator.options().isEmpty()) {
            parts.add(indicator.options().stream().map(Option::label).map(org.oko.forms.api.Text::ru).collect(Collectors.joining("; ")));
        }
        if (indicator.required()) {
            parts.add(TEXTS.ru("workbook.required"));
        }
        return String.join(", ", parts);
    }
}
