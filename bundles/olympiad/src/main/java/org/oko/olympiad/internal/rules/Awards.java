package org.oko.olympiad.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Winners and prize-winners of one ranking (a subject and grade of a stage, within a school, a territory
 * or the region), as the Порядок has the organiser decide them: the highest score is the winner's (all who
 * share it), the next scores prize-winners', while winners and prize-winners together stay within the quota
 * and each scores more than the set share of the maximum. Participants who share a score across the
 * quota's edge are not decided here: the jury decides them, so they are listed. Pure.
 */
public final class Awards {

    private Awards() {
    }

    /**
     * @param statuses    each participation's status as the rules give it
     * @param atQuotaEdge participations sharing a score across the quota's edge: the jury's to decide
     *                    (computed as participants; the file may give them a higher status)
     * @param allowed     how many winners and prize-winners the quota allows
     */
    public record Ranking(Map<Participation, Status> statuses, List<Participation> atQuotaEdge, int allowed, BigDecimal above) {

        /** The highest status the rules leave open for a participation: a status at the quota's edge is the jury's. */
        public Status highestOpen(Participation p, boolean topScore) {
            return atQuotaEdge.contains(p) ? (topScore ? Status.WINNER : Status.PRIZE_WINNER) : statuses.get(p);
        }
    }

    /**
     * @param quota      the share of the ranking's participants who may be winners and prize-winners (0.45);
     *                   at least one place is always open, or a small school could never have a winner
     * @param awardAbove a winner or prize-winner scores more than this share of {@code max} (0.5)
     */
    public static Ranking rank(List<Participation> ranking, BigDecimal max, double quota, double awardAbove) {
        Map<Participation, Status> statuses = new IdentityHashMap<>();
        ranking.forEach(p -> statuses.put(p, Status.PARTICIPANT));
        int allowed = Math.max(1, (int) Math.floor(quota * ranking.size() + 1e-9));
        BigDecimal above = max.multiply(BigDecimal.valueOf(awardAbove));
        TreeMap<BigDecimal, List<Participation>> byScore = new TreeMap<>(Comparator.reverseOrder());
        ranking.forEach(p -> byScore.computeIfAbsent(p.score(), s -> new ArrayList<>()).add(p));
        List<Participation> edge = new ArrayList<>();
        int awarded = 0;
        boolean first = true;
        for (Map.Entry<BigDecimal, List<Participation>> level : byScore.entrySet()) {
            if (level.getKey().compareTo(above) <= 0 || awarded >= allowed) {
                break; // «more than half» of the maximum: exactly half is not enough
            }
            List<Participation> tied = level.getValue();
            if (awarded + tied.size() > allowed) {
                edge.addAll(tied);
                break;
            }
            Status status = first ? Status.WINNER : Status.PRIZE_WINNER;
            tied.forEach(p -> statuses.put(p, status));
            awarded += tied.size();
            first = false;
        }
        return new Ranking(statuses, edge, allowed, above);
    }
}
