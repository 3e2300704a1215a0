package org.oko.vpr.internal.stats;

/**
 * One participant's work: a code, never a name. Scores per task in the spec's order.
 *
 * @param journalMark the previous journal mark 2–5, or 0 when the file gave none
 */
public record Result(String participant, String school, String className, int variant, byte[] scores, int total, int mark,
                     int journalMark) {
}
