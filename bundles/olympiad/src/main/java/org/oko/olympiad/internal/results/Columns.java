package org.oko.olympiad.internal.results;

import java.util.List;

import org.oko.tables.api.ColumnSpec;

/**
 * The columns of the olympiad's files under Russian headers (several spellings each): a stage's results,
 * and the organisers' maximum and passing scores. Which column of a file holds which is found by the
 * kit's column step.
 */
public final class Columns {

    public static final String PARTICIPANT = "participant";
    public static final String SCHOOL = "school";
    public static final String GRADE = "grade";
    public static final String SUBJECT = "subject";
    public static final String SCORE = "score";
    public static final String STATUS = "status";
    public static final String TERRITORY = "territory";
    public static final String MAX = "max";
    public static final String PASSING = "passing";

    /** A stage's results: one row per participation. */
    public static final List<ColumnSpec> RESULTS = List.of(
            ColumnSpec.of(PARTICIPANT, "Код участника", true, "Код", "Участник", "ID участника", "Идентификатор участника"),
            ColumnSpec.of(SCHOOL, "Код ОО", true, "Код образовательной организации", "Код школы", "ОО"),
            ColumnSpec.of(GRADE, "Класс", true, "Класс обучения", "Параллель"),
            ColumnSpec.of(SUBJECT, "Предмет", true, "Общеобразовательный предмет", "Код предмета"),
            ColumnSpec.of(SCORE, "Балл", true, "Баллы", "Итоговый балл", "Результат"),
            ColumnSpec.of(STATUS, "Статус", false, "Статус участника", "Тип диплома"));

    /** The organisers' scores: one row per subject and grade (and territory, where a municipality sets its own). */
    public static final List<ColumnSpec> SCORES = List.of(
            ColumnSpec.of(SUBJECT, "Предмет", true, "Общеобразовательный предмет", "Код предмета"),
            ColumnSpec.of(GRADE, "Класс", true, "Параллель"),
            ColumnSpec.of(TERRITORY, "Код территории", false, "Территория", "Муниципалитет", "Код МО"),
            ColumnSpec.of(MAX, "Максимальный балл", false, "Максимум", "Макс. балл"),
            ColumnSpec.of(PASSING, "Проходной балл", false, "Проходной"));

    private Columns() {
    }
}
