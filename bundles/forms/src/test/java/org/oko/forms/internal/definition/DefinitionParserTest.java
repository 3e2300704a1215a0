package org.oko.forms.internal.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.Breakdown;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.Rows;
import org.oko.forms.api.Severity;
import org.oko.forms.api.Table;

class DefinitionParserTest {

    private static final String FORM = """
            {"$schema": "../schema/form-definition.schema.json",
             "id": "school-1", "version": 2,
             "title": {"ru": "Сведения о школе", "en": "School facts"},
             "sections": [
               {"id": "main", "title": "Основное", "items": [
                 {"code": "pupils_total", "label": {"ru": "Обучающихся", "en": "Pupils"}, "type": "integer",
                  "unit": "чел.", "required": true, "min": 0, "max": 5000},
                 {"code": "settlement", "label": "Местность", "type": "choice",
                  "options": [{"value": "city", "label": "Город"}, {"value": "rural", "label": "Село"}]},
                 {"table": "pupils", "label": "По классам", "rows": {"breakdown": "GRADES"}, "visibleIf": "pupils_total > 0",
                  "columns": [
                    {"code": "boys", "label": "Мальчики", "type": "integer"},
                    {"code": "girls", "label": "Девочки", "type": "integer"},
                    {"code": "total", "label": "Всего", "type": "integer", "computed": "boys + girls"}]},
                 {"table": "branches", "label": "Филиалы", "rows": {"open": true, "maxRows": 20},
                  "columns": [{"code": "name", "label": "Название", "type": "text"}]},
                 {"table": "subjects", "label": "Предметы", "rows": {"fixed": [{"key": "math", "label": "Математика"}]},
                  "columns": [{"code": "hours", "label": "Часы", "type": "decimal"}]}
               ]}],
             "rules": [{"id": "sum_of_grades", "check": "sum(pupils.total) = pupils_total", "severity": "error",
                        "message": {"ru": "Сумма по классам не равна итогу", "en": "Grades do not add up"}, "fields": ["pupils_total"]}],
             "upgrade": {"from": 1, "rename": {"pupils": "pupils_total"}, "remove": ["old_field"]}
            }""";

    @Test
    void readsEveryPartOfTheFormat() throws Exception {
        FormDefinition form = DefinitionParser.parse(FORM);
        assertEquals("school-1@2", form.key());
        assertEquals("School facts", form.title().in("en"));
        Indicator pupils = (Indicator) form.item("pupils_total").orElseThrow();
        assertEquals(IndicatorType.INTEGER, pupils.type());
        assertEquals(new BigDecimal("5000"), pupils.max());
        assertTrue(pupils.required());
        assertEquals("Pupils", pupils.label().in("en"));
        assertEquals("Местность", ((Indicator) form.item("settlement").orElseThrow()).label().in("en"), "Russian where no translation");
        Table grades = assertInstanceOf(Table.class, form.item("pupils").orElseThrow());
        assertEquals(Breakdown.GRADES, grades.rows().breakdown());
        assertEquals(11, grades.rows().known().size());
        assertEquals("boys + girls", grades.columns().get(2).computed());
        assertEquals(Rows.Kind.OPEN, ((Table) form.item("branches").orElseThrow()).rows().kind());
        assertEquals(20, ((Table) form.item("branches").orElseThrow()).rows().maxRows());
        assertEquals("math", ((Table) form.item("subjects").orElseThrow()).rows().known().get(0).key());
        assertEquals(Severity.ERROR, form.rules().get(0).severity());
        assertEquals(List.of("pupils_total"), form.rules().get(0).fields());
        assertEquals("pupils_total", form.upgrade().rename().get("pupils"));
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        String broken = """
                {"id": "Bad Id", "version": 0, "title": "Т", "colour": "red",
                 "sections": [{"id": "s", "title": "С", "items": [
                   {"code": "x", "label": "Х", "type": "money"},
                   {"code": "1y", "label": "У", "type": "integer", "min": "zero"},
                   {"table": "t", "label": "Т", "rows": {"breakdown": "PLANETS"}, "columns": []}]}],
                 "rules": [{"id": "r", "check": "x > 0", "message": "М", "severity": "fatal"}]}""";
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionParser.parse(broken));
        String all = String.join("\n", e.problems());
        for (String expected : List.of("id: 'Bad Id' does not match", "version: a whole number", "colour: unknown field",
                "sections[0].items[0].type: unknown type 'money'", "sections[0].items[1].code: '1y'",
                "sections[0].items[1].min: must be a number", "items[2].rows.breakdown: unknown breakdown 'PLANETS'",
                "items[2].columns: at least one column", "rules[0].severity")) {
            assertTrue(all.contains(expected), "missing «" + expected + "» in:\n" + all);
        }
    }

    @Test
    void refusesWhatIsNotADefinition() {
        assertThrows(DefinitionException.class, () -> DefinitionParser.parse(""));
        assertThrows(DefinitionException.class, () -> DefinitionParser.parse("[1, 2]"));
        DefinitionException notJson = assertThrows(DefinitionException.class, () -> DefinitionParser.parse("{\"id\": "));
        assertTrue(notJson.getMessage().startsWith("not valid JSON"), notJson.getMessage());
        DefinitionException huge = assertThrows(DefinitionException.class,
                () -> DefinitionParser.parse("{\"id\":\"" + "x".repeat(DefinitionParser.MAX_CHARS) + "\"}"));
        assertTrue(huge.getMessage().contains("larger than"), huge.getMessage());
    }

    @Test
    void anUpgradeMustComeFromAnEarlierVersion() {
        String json = FORM.replace("\"from\": 1", "\"from\": 2");
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionParser.parse(json));
        assertTrue(e.getMessage().contains("upgrade.from"), e.getMessage());
    }
}
