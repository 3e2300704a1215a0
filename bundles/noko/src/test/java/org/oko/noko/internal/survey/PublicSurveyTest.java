package org.oko.noko.internal.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.noko.internal.Fixtures;
import org.oko.platform.api.rest.ApiException;

/** An answer as the server keeps it: the method's questions only, a follow-up only after its yes, yes or no only. */
class PublicSurveyTest {

    @Test
    void aFollowUpWithoutItsYesIsDroppedAndTheRestKeptInOrder() {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("q2", true); // asked only after q1 yes
        written.put("q1", false);
        written.put("q14", true);
        assertEquals(Map.of("q1", false, "q14", true), PublicSurvey.answers(Fixtures.federal().questionnaire(), written));
    }

    @Test
    void anythingElseIsRefused() {
        assertEquals(400, assertThrows(ApiException.class, () -> PublicSurvey.answers(Fixtures.federal().questionnaire(), Map.of("q1", "да"))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> PublicSurvey.answers(Fixtures.federal().questionnaire(), Map.of("q99", true))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> PublicSurvey.answers(Fixtures.federal().questionnaire(), Map.of())).status());
    }
}
