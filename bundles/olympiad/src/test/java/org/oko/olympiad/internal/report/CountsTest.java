package org.oko.olympiad.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.olympiad.internal.Fixtures.p;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.olympiad.internal.Fixtures;
import org.oko.olympiad.internal.rules.Judgement;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.rules.Status;
import org.oko.procedure.api.Levels;

/** Participations against unique participants: a student in three subjects and two stages is one person. */
class CountsTest {

    private static final Map<String, String> TERRITORY = Map.of("S1", "T1", "S2", "T1", "S3", "T2");

    @Test
    void oneStudentInSeveralSubjectsAndStagesIsOneParticipant() {
        List<Participation> all = List.of(
                p(2025, "school", "math", "A", 9, "S1", "90", Status.WINNER),
                p(2025, "school", "physics", "A", 9, "S1", "80", Status.PRIZE_WINNER),
                p(2025, "school", "russian", "A", 9, "S1", "30", Status.PARTICIPANT),
                p(2025, "municipal", "math", "A", 9, "S1", "70", Status.PRIZE_WINNER),
                p(2025, "school", "math", "B", 9, "S1", "40", Status.PARTICIPANT),
                p(2025, "school", "math", "C", 10, "S2", "50", Status.WINNER),
                p(2025, "school", "biology", "D", 8, "S3", "20", Status.PARTICIPANT));
        Judgement judged = Judgement.of(Fixtures.year2025(), all, new Scores(List.of()), TERRITORY::get);
        Levels<Tally> levels = Counts.of(all, judged, TERRITORY::get);

        Tally s1 = levels.school("S1");
        assertEquals(4, s1.stage("school").participations());
        assertEquals(2, s1.stage("school").participants());
        assertEquals(1, s1.stage("school").winners());
        assertEquals(1, s1.stage("school").prizeWinners());
        assertEquals(1, s1.stage("school").awardedPeople(), "A's two diplomas are one person");
        assertEquals(1, s1.stage("municipal").participants());
        assertEquals(2, s1.all().participants(), "A at two stages and B: two people");
        assertEquals(5, s1.all().participations());
        assertEquals(2, s1.bySubject("school").get("math").participants());
        assertEquals(1, s1.byGrade("school").size());

        assertEquals(3, levels.territory("T1").all().participants());
        assertEquals(4, levels.region().all().participants());
        assertEquals(7, levels.region().all().participations());
        assertEquals(2, levels.region().stage("school").awardedPeople());
        assertEquals(0, levels.school("S3").stage("municipal").participations());
    }

    @Test
    void aStudentWhoChangedSchoolsCountsInBothSchoolsAndOnceInTheRegion() {
        List<Participation> all = List.of(p(2025, "school", "math", "A", 9, "S1", "90"), p(2025, "municipal", "math", "A", 9, "S3", "60"));
        Judgement judged = Judgement.of(Fixtures.year2025(), all, new Scores(List.of()), TERRITORY::get);
        Levels<Tally> levels = Counts.of(all, judged, TERRITORY::get);
        assertEquals(1, levels.school("S1").all().participants());
        assertEquals(1, levels.school("S3").all().participants());
        assertEquals(1, levels.region().all().participants());
    }
}
