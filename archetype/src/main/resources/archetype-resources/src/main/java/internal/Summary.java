package ${package}.internal;

/** The aggregate of one school, territory or the region: participants, mean score, share passed. */
public final class Summary {

    private final int passScore;
    private int participants;
    private long scores;
    private int passed;

    public Summary(int passScore) {
        this.passScore = passScore;
    }

    public void add(Result result) {
        participants++;
        scores += result.score();
        if (result.score() >= passScore) {
            passed++;
        }
    }

    public int participants() {
        return participants;
    }

    /** The mean score to one decimal, null without participants. */
    public Double mean() {
        return participants == 0 ? null : Math.round(10.0 * scores / participants) / 10.0;
    }

    /** Percent of participants who passed, to one decimal, null without participants. */
    public Double passedPercent() {
        return participants == 0 ? null : Math.round(1000.0 * passed / participants) / 10.0;
    }

    /** The JSON answer's shape. */
    public record View(String code, int participants, Double mean, Double passedPercent) {
    }

    public View view(String code) {
        return new View(code, participants, mean(), passedPercent());
    }
}
