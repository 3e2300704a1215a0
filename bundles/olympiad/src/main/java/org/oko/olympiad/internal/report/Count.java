package org.oko.olympiad.internal.report;

import java.util.HashSet;
import java.util.Set;

import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Status;

/**
 * Participations and people: a student in three subjects is three participations and one participant;
 * winners' and prize-winners' diplomas are counted as participations, the people who won any once.
 */
public final class Count {

    private int participations;
    private int winners;
    private int prizeWinners;
    private final Set<String> people = new HashSet<>();
    private final Set<String> awardedPeople = new HashSet<>();

    void add(Participation p, Status status) {
        participations++;
        people.add(p.participant());
        if (status == Status.WINNER) {
            winners++;
        } else if (status == Status.PRIZE_WINNER) {
            prizeWinners++;
        }
        if (status.awarded()) {
            awardedPeople.add(p.participant());
        }
    }

    public int participations() {
        return participations;
    }

    /** Unique participants: people, each once. */
    public int participants() {
        return people.size();
    }

    public int winners() {
        return winners;
    }

    public int prizeWinners() {
        return prizeWinners;
    }

    /** People who were a winner or a prize-winner at least once. */
    public int awardedPeople() {
        return awardedPeople.size();
    }

    /** The share of participations that won a diploma (winner or prize-winner), 0 without participations. */
    public double awardShare() {
        return participations == 0 ? 0 : (winners + prizeWinners) / (double) participations;
    }
}
