package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Text;
import org.oko.forms.internal.definition.DefinitionParser;

class ValueKeysTest {

    private static final String FORM = """
            {"id": "keys", "version": 1, "title": "Ключи", "sections": [{"id": "s", "title": "С", "items": [
              {"code": "total", "label": "Всего", "type": "integer"},
              {"code": "doubled", "label": "Вдвое", "type": "integer", "computed": "total * 2"},
              {"table": "grades", "label": "Классы", "rows": {"breakdown": "GRADES"},
               "columns": [{"code": "pupils", "label": "Уч.", "type": "integer"}, {"code": "sum", "label": "С", "type": "integer", "computed": "pupils"}]},
              {"table": "units", "label": "Подразделения", "rows": {"breakdown": "STRUCTURAL_UNIT"},
               "columns": [{"code": "pupils", "label": "Уч.", "type": "integer"}]},
              {"table": "clubs", "label": "Кружки", "rows": {"open": true}, "columns": [{"code": "name", "label": "Название", "type": "text"}]}
            ]}]}""";

    private final List<RowSpec> units = List.of(new RowSpec("9901001", Text.of("Школа")), new RowSpec("9901001-1", Text.of("Филиал")));

    @Test
    void inputsAndCellsOfExistingRowsAreAccepted() throws Exception {
        FormDefinition form = DefinitionParser.parse(FORM);
        assertEquals("total", ValueKeys.input(form, "total", units).code());
        assertEquals("pupils", ValueKeys.input(form, "grades.pupils[11]", units).code());
        assertEquals("pupils", ValueKeys.input(form, "units.pupils[9901001-1]", units).code());
        assertEquals("name", ValueKeys.input(form, "clubs.name[robotics_2]", units).code());
    }

    @Test
    void everythingElseIsRefusedWithAReason() throws Exception {
        FormDefinition form = DefinitionParser.parse(FORM);
        for (String key : List.of("nosuch", "doubled", "grades", "grades.pupils[12]", "grades.sum[1]", "grades.nosuch[1]",
                "units.pupils[9902002]", "nosuch.pupils[1]", "clubs.name[bad key!]")) {
            SubmissionException refused = assertThrows(SubmissionException.class, () -> ValueKeys.input(form, key, units), key);
            assertEquals(SubmissionException.Kind.INVALID, refused.kind(), key);
            assertTrue(refused.getMessage().contains(" / "), "Russian and English: " + refused.getMessage());
        }
    }
}
