package org.oko.gto.internal.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oko.gto.internal.Fixtures;
import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.norms.Sex;
import org.oko.tables.api.TableImport;

/** ГТО results files read through the kit and judged by the fixture's norms. */
class ResultsReaderTest {

    private static final String HEADER = "Код ОО;Код участника;УИН ГТО;Пол;Дата рождения;Дата тестирования;"
            + "Бег на 30 м;Бег на 1000 м;Подтягивание из виса на высокой перекладине;"
            + "Наклон вперёд из положения стоя на гимнастической скамье;Челночный бег 3х10 м;"
            + "Прыжок в длину с места толчком двумя ногами";

    @TempDir
    Path folder;

    private final List<Participant> read = new ArrayList<>();

    private TableImport.Outcome read(String... rows) throws Exception {
        Path file = folder.resolve("gto.csv");
        Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        ResultsReader reader = new ResultsReader(List.of(Fixtures.norms()), Set.of("7701001", "7701002")::contains,
                Set.of("7701002|9|2025-04-20"), Map.of(), Map.of(), null);
        return reader.read(file, "gto.csv", (participant, row) -> read.add(participant));
    }

    private static String problems(TableImport.Outcome outcome) {
        return outcome.problems().stream().map(p -> p.row() + " " + p.column() + ": " + p.message()).toList().toString();
    }

    @Test
    void aGoodFileGivesEachParticipantTheStageAndBadgeOfTheTestDate() throws Exception {
        TableImport.Outcome outcome = read(
                "7701001;1;23-45-0001234;м;10.04.2015;20.04.2025;5,4;4:50;5;+8;8,5;160",
                "7701001;2;;ж;2016-02-29;2025-04-20;6,4;6:30;;+3;;",
                "7701001;3;;м;10.04.2015;09.04.2025;6,0;5:50;;7;;140");
        assertEquals(0, outcome.problemCount(), problems(outcome));
        assertEquals(3, read.size());
        Participant gold = read.get(0);
        assertEquals("23-45-0001234", gold.gtoId());
        assertEquals(Sex.BOYS, gold.sex());
        assertEquals(3, gold.assessment().stage(), "10 on the test day");
        assertEquals(Level.GOLD, gold.assessment().badge());
        assertEquals("fixture v1", gold.edition());
        Participant girl = read.get(1);
        assertEquals(LocalDate.of(2016, 2, 29), girl.birthDate());
        assertEquals(2, girl.assessment().stage(), "9 on the test day");
        assertNull(girl.assessment().badge(), "no strength test: no badge");
        assertEquals(3, girl.results().size(), "the empty cells are events not taken");
        assertEquals(2, read.get(2).assessment().stage(), "the day before the 10th birthday");
    }

    @Test
    void everyProblemNamesItsRowAndColumnAndNothingIsHandedOnAfterTheFirst() throws Exception {
        TableImport.Outcome outcome = read(
                "7701001;1;;м;10.04.2015;20.04.2025;5,4;4:50;5;+8;8,5;160",
                "7709999;2;;x;31.02.2015;20.04.2025;;;;;;",
                "7701001;1;;м;10.04.2015;20.04.2025;5,4;;;;;",
                "7701002;9;;м;10.04.2015;20.04.2025;5,4;;;;;",
                "7701001;4;;ж;10.04.2015;20.04.2025;5,4;4.5;3;;;",
                "7701001;5;;м;10.04.2010;20.04.2025;5,4;;;;;",
                "7701001;6;;м;10.04.2015;20.04.2022;5,4;;;;;");
        String problems = problems(outcome);
        assertEquals(List.of(
                "3 Код ОО: Образовательной организации с кодом «7709999» нет в каталоге",
                "3 Пол: Пол «x» не распознан: ожидается «м» или «ж»",
                "3 Дата рождения: Дата «31.02.2015» не прочитана: ожидается ДД.ММ.ГГГГ",
                "4 Код участника: Участник 1 школы 7701001 в этот день уже есть в строке 2",
                "5 Код участника: Результаты участника 9 школы 7701002 за 20.04.2025 уже загружены",
                "6 Бег на 1000 м: Результат «4.5» испытания «Бег на 1000 м» не прочитан: ожидаются минуты и секунды, например 7:17",
                "6 Подтягивание из виса на высокой перекладине: Испытание «Подтягивание из виса на высокой перекладине» не предусмотрено для этого пола",
                "7 Дата рождения: Для возраста 15 лет в нормативах «fixture» нет ступени",
                "8 Дата тестирования: На 20.04.2022 нет действующих нормативов ГТО"),
                outcome.problems().stream().map(p -> p.row() + " " + p.column() + ": " + p.message()).toList(), problems);
        assertEquals(1, read.size(), "only the first row, before any problem");
        assertTrue(outcome.problems().get(5).messages().get("en").contains("minutes and seconds"), "both languages");
    }
}
