package org.oko.vpr.internal.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oko.vpr.internal.spec.TestSpec;

/**
 * Which column holds what, found by the Russian headers of the federal system's exports (several
 * spellings each) or given explicitly by the user's mapping (field → header).
 */
final class Columns {

    static final String PARTICIPANT = "participant";
    static final String SCHOOL = "school";
    static final String CLASS = "class";
    static final String VARIANT = "variant";
    static final String TOTAL = "total";
    static final String MARK = "mark";
    static final String JOURNAL = "journal";

    private static final Map<String, List<String>> ALIASES = Map.of(
            PARTICIPANT, List.of("код участника", "код", "участник", "id участника", "код работы"),
            SCHOOL, List.of("код оо", "код образовательной организации", "код школы", "оо"),
            CLASS, List.of("класс", "литера класса", "буква класса"),
            VARIANT, List.of("вариант", "номер варианта"),
            TOTAL, List.of("первичный балл", "сумма баллов", "итоговый балл", "балл"),
            MARK, List.of("отметка", "отметка за впр", "оценка", "оценка за впр"),
            JOURNAL, List.of("отметка по журналу", "отметка за предыдущий период", "оценка по журналу", "журнальная отметка",
                    "отметка за четверть", "отметка за триместр"));

    final Map<String, Integer> fields = new HashMap<>();
    /** The header's cells as the file writes them, for messages. */
    private final List<String> header;
    final int[] tasks;
    final List<String> problems = new ArrayList<>();

    Columns(List<String> header, TestSpec spec, Map<String, String> mapping) {
        this.header = List.copyOf(header);
        List<String> names = header.stream().map(Columns::normal).toList();
        for (Map.Entry<String, List<String>> field : ALIASES.entrySet()) {
            String wanted = mapping == null ? null : mapping.get(field.getKey());
            int index = wanted != null ? names.indexOf(normal(wanted)) : firstOf(names, field.getValue());
            if (index >= 0) {
                fields.put(field.getKey(), index);
            } else if (wanted != null) {
                problems.add("Нет столбца «" + wanted + "» (" + field.getKey() + ") / no such column");
            }
        }
        for (String required : List.of(PARTICIPANT, SCHOOL)) {
            if (!fields.containsKey(required) && (mapping == null || !mapping.containsKey(required))) {
                problems.add("Нет столбца " + ALIASES.get(required).get(0) + " / the column '" + required + "' is missing");
            }
        }
        tasks = new int[spec.tasks().size()];
        for (int i = 0; i < tasks.length; i++) {
            String label = normal(spec.tasks().get(i).label());
            tasks[i] = firstOf(names, List.of(label, "задание " + label, "№" + label, "№ " + label, "к" + label, "зад. " + label));
            if (tasks[i] < 0) {
                problems.add("Нет столбца задания " + spec.tasks().get(i).label() + " / no column for task " + spec.tasks().get(i).label());
            }
        }
    }

    Integer field(String name) {
        return fields.get(name);
    }

    /** The name of the header's column {@code index}. */
    String name(int index) {
        return index < header.size() ? header.get(index).strip() : "";
    }

    /** The names of columns {@code from} (inclusive) to {@code to}, quoted, the first five of them. */
    String names(int from, int to) {
        List<String> quoted = new ArrayList<>();
        for (int i = from; i < Math.min(to, from + 5); i++) {
            quoted.add("«" + name(i) + "»");
        }
        return String.join(", ", quoted) + (to - from > 5 ? " и ещё " + (to - from - 5) : "");
    }

    private static int firstOf(List<String> names, List<String> aliases) {
        for (String alias : aliases) {
            int index = names.indexOf(alias);
            if (index >= 0) {
                return index;
            }
        }
        return -1;
    }

    static String normal(String header) {
        return header == null ? "" : header.replace('\uFEFF', ' ').strip().toLowerCase(Locale.ROOT).replace('ё', 'е')
                .replaceAll("\\s+", " ");
    }
}
