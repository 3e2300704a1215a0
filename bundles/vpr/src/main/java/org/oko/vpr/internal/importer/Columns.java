package org.oko.vpr.internal.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.ColumnSpec;
import org.oko.vpr.internal.spec.TestSpec;

/**
 * The columns of a test's results file: the participant's fields under the Russian headers of the
 * federal system's exports (several spellings each), then one column per task of the spec. Which
 * column of a file holds which is found by the platform's {@link ColumnMapping}: the person's choice,
 * a remembered one, or the header.
 */
public final class Columns {

    public static final String PARTICIPANT = "participant";
    public static final String SCHOOL = "school";
    public static final String CLASS = "class";
    public static final String VARIANT = "variant";
    public static final String TOTAL = "total";
    public static final String MARK = "mark";
    public static final String JOURNAL = "journal";

    private static final List<ColumnSpec> FIELDS = List.of(
            ColumnSpec.of(PARTICIPANT, "Код участника", true, "Код", "Участник", "ID участника", "Код работы"),
            ColumnSpec.of(SCHOOL, "Код ОО", true, "Код образовательной организации", "Код школы", "ОО"),
            ColumnSpec.of(CLASS, "Класс", false, "Литера класса", "Буква класса"),
            ColumnSpec.of(VARIANT, "Вариант", false, "Номер варианта"),
            ColumnSpec.of(TOTAL, "Первичный балл", false, "Сумма баллов", "Итоговый балл", "Балл"),
            ColumnSpec.of(MARK, "Отметка", false, "Отметка за ВПР", "Оценка", "Оценка за ВПР"),
            ColumnSpec.of(JOURNAL, "Отметка по журналу", false, "Отметка за предыдущий период", "Оценка по журналу",
                    "Журнальная отметка", "Отметка за четверть", "Отметка за триместр"));

    private Columns() {
    }

    /** The column id of task {@code label}. */
    public static String task(String label) {
        return "task:" + label;
    }

    /** Every column a results file of {@code spec} can have, fields first, tasks in the spec's order. */
    public static List<ColumnSpec> of(TestSpec spec) {
        List<ColumnSpec> columns = new ArrayList<>(FIELDS);
        for (TestSpec.Task task : spec.tasks()) {
            String label = task.label();
            columns.add(ColumnSpec.of(task(label), "Задание " + label, true, label, "№" + label, "№ " + label, "К" + label,
                    "Зад. " + label));
        }
        return columns;
    }

    static ColumnMapping resolve(List<String> header, long headerRow, TestSpec spec, Map<String, String> chosen,
                                 Map<String, String> remembered) {
        return ColumnMapping.resolve(header, headerRow, of(spec), chosen, remembered, List.of());
    }
}
