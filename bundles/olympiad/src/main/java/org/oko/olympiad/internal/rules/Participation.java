package org.oko.olympiad.internal.rules;

import java.math.BigDecimal;

/**
 * One participant in one subject at one stage of a year's olympiad: the core table's row. No names:
 * the participant's code is the same in every subject, stage and year.
 *
 * @param fileStatus the status the organiser's file gave, null when the file gave none (then it is computed)
 */
public record Participation(int year, String stage, String subject, String participant, int grade, String school,
                            BigDecimal score, Status fileStatus) {

    /** The participation's key in the store: one per year, stage, subject and participant. */
    public String key() {
        return year + "|" + stage + "|" + subject + "|" + participant;
    }
}
