package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.internal.definition.DefinitionParser;

class UpgradesTest {

    private static FormDefinition version(int version, String upgrade) throws Exception {
        return DefinitionParser.parse("{\"id\":\"up\",\"version\":" + version + ",\"title\":\"У\",\"sections\":[{\"id\":\"s\",\"title\":\"С\","
                + "\"items\":[{\"code\":\"x\",\"label\":\"Х\",\"type\":\"integer\"}]}],\"upgrade\":" + upgrade + "}");
    }

    @Test
    void renamesAndRemovalsApplyInVersionOrderToIndicatorsTablesAndColumns() throws Exception {
        FormDefinition v2 = version(2, "{\"from\":1,\"rename\":{\"girls\":\"girls_total\",\"grades\":\"by_grade\"},\"remove\":[\"fax\"]}");
        FormDefinition v3 = version(3, "{\"from\":2,\"rename\":{\"girls_total\":\"girls_all\",\"boys\":\"boys_all\"},\"remove\":[\"obsolete\"]}");
        Map<String, String> plan = Upgrades.plan(List.of("girls", "fax", "pupils", "grades.boys[5]", "grades.obsolete[1]", "other.girls[2]"),
                List.of(v2, v3));
        assertEquals("girls_all", plan.get("girls"));
        assertNull(plan.get("fax"));
        assertEquals("pupils", plan.get("pupils"));
        assertEquals("by_grade.boys_all[5]", plan.get("grades.boys[5]"));
        assertNull(plan.get("grades.obsolete[1]"));
        assertEquals("other.girls_all[2]", plan.get("other.girls[2]"), "column codes are renamed in any table");
    }

    @Test
    void aVersionWithoutInstructionsCarriesEverythingAsItIs() throws Exception {
        FormDefinition plain = DefinitionParser.parse("{\"id\":\"up\",\"version\":2,\"title\":\"У\",\"sections\":[{\"id\":\"s\",\"title\":\"С\","
                + "\"items\":[{\"code\":\"x\",\"label\":\"Х\",\"type\":\"integer\"}]}]}");
        assertEquals(Map.of("x", "x", "t.c[1]", "t.c[1]"), Upgrades.plan(List.of("x", "t.c[1]"), List.of(plain)));
    }
}
