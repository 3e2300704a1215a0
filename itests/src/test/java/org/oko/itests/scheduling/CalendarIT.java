package org.oko.itests.scheduling;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.OkoContainerTest;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** The production calendar over HTTP: the shipped year, deadline arithmetic, the administrator's edit and its revert. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CalendarIT extends OkoContainerTest {

    @Test
    public void calendarIsReadComputedEditedAndReverted() throws Exception {
        JsonNode year2026 = JSON.readTree(get("/api/calendar/2026").body());
        assertEquals("DECREE", year2026.get("source").asText());
        assertEquals(247, year2026.get("workingDays").asInt());
        assertEquals("2027-01-11", due("2026-12-30", 1));

        // A regional day off on Monday 11 January 2027 (say, a decree published later): the deadline moves.
        assertEquals(200, sendJson("PUT", "/api/calendar/2027", Map.of("dayOffs",
                List.of("2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08", "2027-01-11"),
                "workingWeekends", List.of())).statusCode());
        JsonNode edited = JSON.readTree(get("/api/calendar/2027").body());
        assertEquals("EDITED", edited.get("source").asText());
        assertEquals("2027-01-12", due("2026-12-30", 1));

        assertEquals("STATUTORY", JSON.readTree(send("DELETE", "/api/calendar/2027", "application/json", new byte[0]).body())
                .get("source").asText());
        assertEquals("2027-01-11", due("2026-12-30", 1));

        assertEquals(400, sendJson("PUT", "/api/calendar/2027", Map.of("dayOffs", List.of("2026-05-01"))).statusCode());
        assertEquals(400, sendJson("PUT", "/api/calendar/2027", Map.of("workingWeekends", List.of("2027-01-12"))).statusCode());
        assertEquals(400, get("/api/calendar/deadline?from=31.12.2026&workingDays=1").statusCode());
    }

    private static String due(String from, int workingDays) throws Exception {
        return JSON.readTree(get("/api/calendar/deadline?from=" + from + "&workingDays=" + workingDays).body()).get("due").asText();
    }
}
