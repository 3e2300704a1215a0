package org.oko.vpr.internal.stats;

/**
 * One participant's work: a code, never a name. Scores per task in the spec's order. Schools number
 * their participants themselves (from 00001), so a work is known by its school and participant code
 * together ({@link #key}).
 *
 * @param journalMark the previous journal mark 2–5, or 0 when the file gave none
 */
public record Result(String participant, String school, String className, int variant, byte[] scores, int total, int mark,
                     int journalMark) {

    /** The key of a work within a test: the school and the participant code the school gave. */
    public static String key(String school, String participant) {
        return school + '\u0000' + participant;
    }
}
