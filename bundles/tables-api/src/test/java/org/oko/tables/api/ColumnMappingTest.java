package org.oko.tables.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.rest.ApiMessage;

/** Which column of a file holds which: the person's choice, a remembered one, our header or an alias. */
class ColumnMappingTest {

    private static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.of("code", "Код ОО", true, "Код", "Код организации"),
            ColumnSpec.of("name", "Полное наименование", true, "Наименование"),
            ColumnSpec.of("total", "Первичный балл", false, "Балл"),
            ColumnSpec.of("territoryCode", "Код территории", false),
            ColumnSpec.of("territoryName", "Территория", false, "Муниципальное образование"));

    private static List<String> matches(ColumnMapping mapping) {
        return mapping.matches().stream().map(m -> m.header() + "=" + m.column() + "/" + m.source()).toList();
    }

    @Test
    void headersAndAliasesAreFoundInAnyCaseSpacingAndSpellingOfЁ() {
        ColumnMapping mapping = ColumnMapping.resolve(List.of("  КОД  ОО *", "наименование", "Заметки", "Первичный Балл"), COLUMNS,
                Map.of(), Map.of());
        assertEquals(List.of(), mapping.problems());
        assertEquals(List.of("  КОД  ОО *=code/STANDARD", "наименование=name/STANDARD", "Заметки=null/NONE",
                "Первичный Балл=total/STANDARD"), matches(mapping));
        assertEquals(1, mapping.index("name"));
        assertEquals(-1, mapping.index("territoryCode"));
        assertEquals(List.of("code", "name", "total"), mapping.found());
        assertEquals("ёж", new TableRow(2, List.of("1", "ёж"), false).cell(mapping.index("name")));
        assertEquals("", mapping.cell(new TableRow(2, List.of("1", "ёж"), false), "territoryName"));
    }

    @Test
    void thePersonsChoiceComesBeforeARememberedOneWhichComesBeforeTheHeader() {
        ColumnMapping mapping = ColumnMapping.resolve(List.of("Код", "Учреждение", "ОО", "Код ОО"), COLUMNS,
                Map.of("Учреждение", "name", "ОО", "code", "код оо", ""), Map.of("учреждение", "total", "код", "territoryCode"));
        assertEquals(List.of(), mapping.problems());
        assertEquals(List.of("Код=territoryCode/REMEMBERED", "Учреждение=name/CHOSEN", "ОО=code/CHOSEN", "Код ОО=null/CHOSEN"),
                matches(mapping));
        assertEquals(Map.of("учреждение", "name", "оо", "code", "код оо", ""), mapping.choices(), "only the person's choices are remembered");
    }

    @Test
    void aColumnThePersonPlacesElsewhereNowOverridesWhereItWasRemembered() {
        ColumnMapping mapping = ColumnMapping.resolve(List.of("Шифр", "Код ОО (новый)", "Наименование"), COLUMNS,
                Map.of("Код ОО (новый)", "code"), Map.of("шифр", "code"));
        assertEquals(List.of(), mapping.problems());
        assertEquals(List.of("Шифр=null/NONE", "Код ОО (новый)=code/CHOSEN", "Наименование=name/STANDARD"), matches(mapping));
    }

    @Test
    void aRememberedChoiceOfAColumnThatNoLongerExistsIsPassedOverButAChosenOneIsAProblem() {
        ColumnMapping remembered = ColumnMapping.resolve(List.of("Код", "Наименование"), COLUMNS, Map.of(), Map.of("код", "gone"));
        assertEquals(List.of(), remembered.problems());
        assertEquals("code", remembered.matches().get(0).column());
        ColumnMapping chosen = ColumnMapping.resolve(List.of("Код", "Наименование"), COLUMNS, Map.of("Код", "gone"), Map.of());
        assertEquals(List.of(new RowProblem(1, "Код", new ApiMessage("Столбец «Код» сопоставлен неизвестному столбцу «gone»",
                        "column «Код» is mapped to an unknown column «gone»")),
                new RowProblem(1, null, new ApiMessage("В файле нет обязательных столбцов: «Код ОО»", "the file lacks required columns: «Код ОО»"))), chosen.problems());
    }

    @Test
    void theBetterSpellingWinsButTheSameColumnTwiceIsAProblem() {
        ColumnMapping both = ColumnMapping.resolve(List.of("Код ОО", "Наименование", "Балл", "Первичный балл"), COLUMNS, Map.of(), Map.of());
        assertEquals(List.of(), both.problems());
        assertEquals(3, both.index("total"), "our header before its alias");
        assertEquals("Балл=null/NONE", matches(both).get(2));
        ColumnMapping twice = ColumnMapping.resolve(List.of("Код ОО", "Наименование", "наименование "), COLUMNS, Map.of(), Map.of());
        assertEquals(List.of(new RowProblem(1, "Полное наименование", new ApiMessage("Столбец «Полное наименование» встречается в заголовке дважды",
                "column «Полное наименование» occurs twice in the header"))),
                twice.problems());
        ColumnMapping chosenTwice = ColumnMapping.resolve(List.of("A", "B", "Наименование"), COLUMNS, Map.of("A", "code", "B", "code"),
                Map.of());
        assertEquals(1, chosenTwice.problems().size(), chosenTwice.problems().toString());
    }

    @Test
    void missingRequiredColumnsAndAlternativesAreNamedInOneProblem() {
        ColumnMapping mapping = ColumnMapping.resolve(List.of("Наименование"), 3, COLUMNS, Map.of(), Map.of(),
                List.of(List.of("territoryCode", "territoryName")));
        assertEquals(List.of(new RowProblem(3, null, new ApiMessage("В файле нет обязательных столбцов: «Код ОО», «Код территории» или «Территория»",
                "the file lacks required columns: «Код ОО», «Код территории» или «Территория»"))), mapping.problems());
    }

    @Test
    void aRowCutShortNamesTheColumnsItLacks() {
        ColumnMapping mapping = ColumnMapping.resolve(List.of("a", "b", "c", "d", "e", "f", "g", "h"), COLUMNS, Map.of(), Map.of());
        RowProblem problem = mapping.cutShort(new TableRow(7, List.of("1"), true));
        assertEquals(7, problem.row());
        assertEquals("b", problem.column());
        assertEquals("В строке нет столбцов «b», «c», «d», «e», «f» и ещё 2 (ячеек 1 из 8): строка оборвана", problem.message());
        assertEquals("the row lacks columns «b», «c», «d», «e», «f» and 2 more (1 cells of 8): the row is cut short", problem.messages().get("en"));
        assertTrue(mapping.problems().get(0).message().startsWith("В файле нет обязательных столбцов"));
    }

    @Test
    void thePersonsChoiceArrivesAsAJsonObjectOrIsRefusedBeforeAnythingIsRead() {
        assertEquals(Map.of("Шифр", "participant", "Примечание", ""), ColumnMapping.chosen("{\"Шифр\":\"participant\",\"Примечание\":\"\"}"));
        assertEquals(Map.of(), ColumnMapping.chosen(null));
        assertEquals(Map.of(), ColumnMapping.chosen(" "));
        org.oko.platform.api.rest.ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.oko.platform.api.rest.ApiException.class, () -> ColumnMapping.chosen("{bad"));
        assertEquals("table.columns-invalid", refused.code());
        assertTrue(refused.text().en().startsWith("columns: a JSON object"), refused.text().en());
    }
}
