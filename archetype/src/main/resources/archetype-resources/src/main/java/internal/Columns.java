package ${package}.internal;

import java.util.List;

import org.oko.tables.api.ColumnSpec;

/**
 * The columns of a results file: the header our template writes and the other headers regions'
 * files use. The platform's column step finds them (or the person chooses), so the reader only
 * asks for a column by its id.
 */
public final class Columns {

    public static final String SCHOOL = "school";
    public static final String PARTICIPANT = "participant";
    public static final String SCORE = "score";

    public static final List<ColumnSpec> ALL = List.of(
            ColumnSpec.of(SCHOOL, "Код ОО", true, "Код образовательной организации", "Код школы", "ОО"),
            ColumnSpec.of(PARTICIPANT, "Код участника", true, "Код", "Участник", "ID участника"),
            ColumnSpec.of(SCORE, "Балл", true, "Баллы", "Итоговый балл", "Сумма баллов"));

    private Columns() {
    }
}
