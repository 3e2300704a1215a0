package org.oko.gto.internal.norms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oko.gto.internal.Fixtures;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.specs.SpecType;

/** What the platform learns from a norms file, and what it refuses to publish. */
class NormsTest {

    private static String fixture() {
        return Fixtures.normsJson();
    }

    @Test
    void aWellFormedFileIsReadWithItsKeyAndVersionAndNoProblems() throws IOException {
        SpecType.Reading reading = new NormsType().read(fixture());
        assertEquals("fixture", reading.key());
        assertEquals(1, reading.version());
        assertEquals(List.of(), reading.problems());
    }

    @Test
    void everyBrokenRuleIsNamedWithItsPlace() throws IOException {
        String broken = fixture()
                .replace("\"ageOn\": \"test-date\"", "\"ageOn\": \"birthday\"")
                .replace("\"stage\": 3, \"minAge\": 10", "\"stage\": 3, \"minAge\": 9")
                .replace("\"badges\": {\"bronze\": 4, \"silver\": 5, \"gold\": 6}", "\"badges\": {\"bronze\": 4, \"silver\": 3, \"gold\": 6}")
                .replace("{\"bronze\": \"6:10\", \"silver\": \"5:50\", \"gold\": \"4:50\"}", "{\"bronze\": \"4:50\", \"silver\": \"5:50\", \"gold\": \"6:10\"}")
                .replace("\"code\": \"shuttle\", \"name\": \"Челночный бег 3х10 м\", \"unit\": \"s\"",
                        "\"code\": \"shuttle\", \"name\": \"Челночный бег 3х10 м\", \"unit\": \"furlongs\"");
        List<String> problems = new NormsType().read(broken).problems();
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("ageOn:"), problems.get(0));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("stages[3]: возрастные границы пересекаются")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("stages[3].events[run-1000]: для boys норматив золотого")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("stages[3].events[shuttle]: единица измерения")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("stages[3]: badges.silver")), problems.toString());
    }

    @Test
    void aThresholdMissingForOneLevelIsAProblemAndAnUnknownFieldARefusal() throws IOException {
        String oneMissing = fixture().replace("\"girls\": {\"bronze\": 105, \"silver\": 115, \"gold\": 135}",
                "\"girls\": {\"bronze\": 105, \"silver\": 115}");
        assertEquals(List.of("stages[2].events[jump]: для girls нужны все три норматива (bronze, silver, gold) или ни одного"),
                new NormsType().read(oneMissing).problems());
        String typo = fixture().replace("\"mandatory\":", "\"mandatroy\":");
        assertThrows(ApiException.class, () -> new NormsType().read(typo), "a typo must not drop the mandatory qualities silently");
    }
}
