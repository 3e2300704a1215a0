package org.oko.olympiad.internal.form13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.olympiad.internal.Fixtures.p;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.olympiad.internal.Fixtures;
import org.oko.olympiad.internal.report.Counts;
import org.oko.olympiad.internal.rules.Judgement;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.rules.Status;

/** Form 13's keys from a school's counts, and the olympiad a form's period reports. */
class Form13ValuesTest {

    @Test
    void thePeriodReportsTheOlympiadThatEndedInItsSpring() {
        assertEquals(2025, Form13Values.academicYear("2026"));
        assertEquals(2024, Form13Values.academicYear("miac-2025"));
    }

    @Test
    void theSchoolsFiguresFillTheFormsKeysAndOnlyThoseItHas() {
        List<Participation> all = List.of(p(2025, "school", "math", "A", 9, "S1", "90", Status.WINNER),
                p(2025, "school", "physics", "A", 9, "S1", "80", Status.PRIZE_WINNER), p(2025, "municipal", "math", "A", 9, "S1", "10"),
                p(2025, "school", "math", "B", 9, "S1", "10"));
        Judgement judged = Judgement.of(Fixtures.year2025(), all, new Scores(List.of()), code -> "T");
        var tally = Counts.of(all, judged, code -> "T").school("S1");
        Map<String, Object> values = Form13Values.of(tally, Form13Values.keys());
        assertEquals(2, values.get("vsosh_participants_total"));
        assertEquals(3, values.get("vsosh_by_stage.participations[school]"));
        assertEquals(2, values.get("vsosh_by_stage.participants[school]"));
        assertEquals(1, values.get("vsosh_by_stage.awarded_people[school]"));
        assertEquals(1, values.get("vsosh_by_stage.participations[municipal]"));
        assertEquals(0, values.get("vsosh_by_stage.participations[final]"));
        assertEquals(2, values.get("vsosh_by_subject.school_participations[math]"));
        assertEquals(1, values.get("vsosh_by_subject.school_awarded[physics]"));
        assertEquals(Map.of("vsosh_participants_total", 2), Form13Values.of(tally, java.util.Set.of("vsosh_participants_total", "other")));
    }
}
