package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.FormImporter;
import org.oko.forms.api.FormImporter.Problem;
import org.oko.forms.api.FormImporter.Value;
import org.oko.forms.internal.definition.DefinitionParser;

class ImportCheckTest {

    private static final String FORM = """
            {"id": "imp", "version": 1, "title": "Загрузка", "sections": [{"id": "s", "title": "С", "items": [
              {"code": "total", "label": "Всего", "type": "integer"},
              {"code": "region_share", "label": "Доля", "type": "decimal"},
              {"code": "doubled", "label": "Вдвое", "type": "integer", "computed": "total * 2"},
              {"table": "clubs", "label": "Кружки", "rows": {"open": true, "maxRows": 2},
               "columns": [{"code": "name", "label": "Название", "type": "text"}]}
            ]}]}""";

    private static FormImporter.Result result(List<Value> values, Problem... problems) {
        return new FormImporter.Result(values, List.of(problems));
    }

    @Test
    void goodValuesArriveTypedAndInTheFilesOrder() throws Exception {
        FormDefinition form = DefinitionParser.parse(FORM);
        ImportCheck.Checked checked = ImportCheck.check(form, List.of(), Set.of(), Set.of(),
                result(List.of(new Value("total", "1 234", 2), new Value("clubs.name[chess]", "Шахматы", 3))));
        assertEquals(List.of(), checked.problems());
        assertEquals(List.of("total", "clubs.name[chess]"), List.copyOf(checked.values().keySet()));
        assertEquals(new BigDecimal("1234"), checked.values().get("total"));
    }

    @Test
    void everyProblemIsReportedWithItsRowAndNothingIsKept() throws Exception {
        FormDefinition form = DefinitionParser.parse(FORM);
        ImportCheck.Checked checked = ImportCheck.check(form, List.of(), Set.of("region_share"), Set.of(),
                result(List.of(new Value("total", "двести", 7), new Value("nosuch", 1, 3), new Value("doubled", 4, 4),
                                new Value("region_share", 1, 5), new Value("clubs.name[a]", "A", 6), new Value("clubs.name[a]", "B", 8)),
                        new Problem(2, "B", "Пустая строка в середине листа")));
        assertEquals(Map.of(), checked.values());
        assertEquals(List.of(2, 3, 4, 5, 7, 8), checked.problems().stream().map(Problem::row).toList());
        String all = checked.problems().toString();
        assertTrue(all.contains("Нет показателя «nosuch»"), all);
        assertTrue(all.contains("вычисляется автоматически"), all);
        assertTrue(all.contains("рассчитывает модуль"), all);
        assertTrue(all.contains("указан дважды (также в строке 6)"), all);
        assertTrue(checked.problems().stream().filter(p -> p.row() == 7).allMatch(p -> "total".equals(p.field())), all);
        assertTrue(checked.problems().stream().noneMatch(p -> p.message().contains(" / ")), "Russian only: " + all);
    }

    @Test
    void openTablesKeepTheirRowLimitCountingStoredRows() throws Exception {
        FormDefinition form = DefinitionParser.parse(FORM);
        ImportCheck.Checked checked = ImportCheck.check(form, List.of(), Set.of(), Set.of("clubs.name[old]"),
                result(List.of(new Value("clubs.name[a]", "A", 1), new Value("clubs.name[b]", "B", 2))));
        assertEquals(1, checked.problems().size());
        assertTrue(checked.problems().get(0).message().contains("не больше 2 строк"), checked.problems().toString());
        assertEquals(List.of(), ImportCheck.check(form, List.of(), Set.of(), Set.of("clubs.name[a]"),
                result(List.of(new Value("clubs.name[a]", "A", 1), new Value("clubs.name[b]", "B", 2)))).problems());
    }

    @Test
    void anEmptyReadingIsAProblemNotASilentSuccess() throws Exception {
        FormDefinition form = DefinitionParser.parse(FORM);
        assertEquals(1, ImportCheck.check(form, List.of(), Set.of(), Set.of(), result(List.of())).problems().size());
        assertEquals(1, ImportCheck.check(form, List.of(), Set.of(), Set.of(), null).problems().size());
    }
}
