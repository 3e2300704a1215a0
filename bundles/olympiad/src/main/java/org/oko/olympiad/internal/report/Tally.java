package org.oko.olympiad.internal.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Status;

/**
 * A school's, territory's or the region's counts of a year: over all stages, by stage, and by stage and
 * subject and by stage and grade — each with participations and unique participants.
 */
public final class Tally {

    private final Count all = new Count();
    private final Map<String, Count> byStage = new TreeMap<>();
    private final Map<String, Map<String, Count>> bySubject = new TreeMap<>();
    private final Map<String, Map<Integer, Count>> byGrade = new TreeMap<>();

    void add(Participation p, Status status) {
        all.add(p, status);
        byStage.computeIfAbsent(p.stage(), s -> new Count()).add(p, status);
        bySubject.computeIfAbsent(p.stage(), s -> new TreeMap<>()).computeIfAbsent(p.subject(), s -> new Count()).add(p, status);
        byGrade.computeIfAbsent(p.stage(), s -> new TreeMap<>()).computeIfAbsent(p.grade(), g -> new Count()).add(p, status);
    }

    /** Every stage together: a student at two stages is one participant. */
    public Count all() {
        return all;
    }

    /** A stage's counts, empty ones when it has none. */
    public Count stage(String stage) {
        return byStage.getOrDefault(stage, new Count());
    }

    public Map<String, Count> byStage() {
        return Collections.unmodifiableMap(byStage);
    }

    public Map<String, Count> bySubject(String stage) {
        return Collections.unmodifiableMap(bySubject.getOrDefault(stage, Map.of()));
    }

    public Map<Integer, Count> byGrade(String stage) {
        return Collections.unmodifiableMap(byGrade.getOrDefault(stage, Map.of()));
    }
}
