package org.oko.gto.internal.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oko.gto.internal.norms.Norms;
import org.oko.tables.api.ColumnSpec;

/**
 * The columns of a ГТО results file: the participant's fields under Russian headers (several
 * spellings each), then one column per event of the editions of the norms, headed by the event's
 * name as the order writes it, its code an alias. Which column of a file holds which is found by the
 * kit's column step.
 */
public final class Columns {

    public static final String PARTICIPANT = "participant";
    public static final String GTO_ID = "gtoId";
    public static final String SEX = "sex";
    public static final String BIRTH_DATE = "birthDate";
    public static final String SCHOOL = "school";
    public static final String TEST_DATE = "testDate";

    private static final List<ColumnSpec> FIELDS = List.of(
            ColumnSpec.of(PARTICIPANT, "Код участника", true, "Код", "Участник", "ID участника"),
            ColumnSpec.of(GTO_ID, "УИН ГТО", false, "УИН", "ID ГТО", "Номер ГТО", "Идентификационный номер"),
            ColumnSpec.of(SEX, "Пол", true),
            ColumnSpec.of(BIRTH_DATE, "Дата рождения", true, "Дата рожд."),
            ColumnSpec.of(SCHOOL, "Код ОО", true, "Код образовательной организации", "Код школы", "ОО"),
            ColumnSpec.of(TEST_DATE, "Дата тестирования", true, "Дата испытаний", "Дата выполнения", "Дата"));

    private Columns() {
    }

    /** The column id of an event. */
    public static String event(String code) {
        return "event:" + code;
    }

    /** Every event of the editions by code, each with the name it first has. */
    static Map<String, Norms.Event> events(List<Norms> editions) {
        Map<String, Norms.Event> events = new LinkedHashMap<>();
        for (Norms norms : editions) {
            for (Norms.Stage stage : norms.stages()) {
                stage.events().forEach(event -> events.putIfAbsent(event.code(), event));
            }
        }
        return events;
    }

    /** Every column a results file can have: the fields, then the events of the editions. */
    public static List<ColumnSpec> of(List<Norms> editions) {
        List<ColumnSpec> columns = new ArrayList<>(FIELDS);
        events(editions).forEach((code, event) -> columns.add(ColumnSpec.of(event(code), event.name(), false, code)));
        return columns;
    }
}
