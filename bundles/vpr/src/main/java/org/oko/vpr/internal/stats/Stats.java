package org.oko.vpr.internal.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.oko.vpr.internal.spec.TestSpec;

/**
 * МИАС form 7 «Шаблон статистического отчёта по результатам ВПР» for one group of works (a
 * school, a territory, the region): add works, then read the figures. Percentages have one
 * decimal, rounded half up, as the regional compendium prints them.
 */
public final class Stats {

    private final TestSpec spec;
    private int participants;
    private final int[] marks = new int[6];
    private long totalScore;
    private final long[] taskScores;
    private int withJournal;
    private int lowered;
    private int confirmed;
    private int raised;

    public Stats(TestSpec spec) {
        this.spec = spec;
        this.taskScores = new long[spec.tasks().size()];
    }

    public Stats add(Result result) {
        participants++;
        marks[result.mark()]++;
        totalScore += result.total();
        for (int i = 0; i < taskScores.length; i++) {
            taskScores[i] += result.scores()[i];
        }
        if (result.journalMark() >= 2) {
            withJournal++;
            if (result.mark() < result.journalMark()) {
                lowered++;
            } else if (result.mark() == result.journalMark()) {
                confirmed++;
            } else {
                raised++;
            }
        }
        return this;
    }

    public int participants() {
        return participants;
    }

    /** Share of the mark 2, 3, 4 or 5, in per cent. */
    public BigDecimal markShare(int mark) {
        return percent(marks[mark], participants);
    }

    /** «Качество»: marks 4 and 5. */
    public BigDecimal quality() {
        return percent(marks[4] + marks[5], participants);
    }

    /** «Успеваемость»: marks 3, 4 and 5. */
    public BigDecimal success() {
        return percent(marks[3] + marks[4] + marks[5], participants);
    }

    public BigDecimal meanScore() {
        return participants == 0 ? null : BigDecimal.valueOf(totalScore).divide(BigDecimal.valueOf(participants), 1, RoundingMode.HALF_UP);
    }

    /** Per task: the points earned as a share of the points possible. */
    public List<BigDecimal> taskSuccess() {
        List<BigDecimal> result = new ArrayList<>();
        for (int i = 0; i < taskScores.length; i++) {
            result.add(percent(taskScores[i], (long) spec.tasks().get(i).max() * participants));
        }
        return result;
    }

    /** «Понизили»: the ВПР mark is below the journal mark; of the works with a journal mark. */
    public BigDecimal lowered() {
        return percent(lowered, withJournal);
    }

    public BigDecimal confirmed() {
        return percent(confirmed, withJournal);
    }

    public BigDecimal raised() {
        return percent(raised, withJournal);
    }

    public int withJournal() {
        return withJournal;
    }

    /** How many works have the mark 2, 3, 4 or 5 (МИАС form 7 reports counts, the screen shares). */
    public int markCount(int mark) {
        return marks[mark];
    }

    public int loweredCount() {
        return lowered;
    }

    public int confirmedCount() {
        return confirmed;
    }

    public int raisedCount() {
        return raised;
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
