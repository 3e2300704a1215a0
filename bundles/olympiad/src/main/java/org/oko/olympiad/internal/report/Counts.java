package org.oko.olympiad.internal.report;

import java.util.List;
import java.util.function.Function;

import org.oko.olympiad.internal.rules.Judgement;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.procedure.api.Levels;

/** A year's participations folded per school, territory and region (the kit's {@link Levels}), each with its status. */
public final class Counts {

    private Counts() {
    }

    public static Levels<Tally> of(List<Participation> participations, Judgement judged, Function<String, String> territoryOf) {
        Levels<Tally> levels = new Levels<>(Tally::new, territoryOf);
        for (Participation p : participations) {
            levels.add(p.school(), tally -> tally.add(p, judged.status(p)));
        }
        return levels;
    }
}
