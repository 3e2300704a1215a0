package org.oko.gto.internal.results;

import java.time.LocalDate;
import java.util.Map;

import org.oko.gto.internal.badge.BadgeCalculator;
import org.oko.gto.internal.norms.Sex;

/**
 * One participant's test as a school reports it, with no name: the participant's code (the school's
 * own numbering), the ГТО ID (УИН) when the student is registered in the national system, and the
 * results of the events taken, judged by the edition of the norms in force on the test date.
 *
 * @param results  event code → result as written
 * @param edition  the key and version of the norms that judged it ("federal-2023 v1")
 */
public record Participant(String code, String gtoId, Sex sex, LocalDate birthDate, String school, LocalDate testDate,
                          Map<String, String> results, String edition, BadgeCalculator.Assessment assessment) {

    /** A participant is one per school and test date: a school numbers its participants itself. */
    public String key() {
        return school + "|" + code + "|" + testDate;
    }
}
