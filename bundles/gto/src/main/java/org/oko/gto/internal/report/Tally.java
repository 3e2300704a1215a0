package org.oko.gto.internal.report;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.norms.Sex;

/**
 * The counts form 8 and the reports ask of a school, a territory or the region: students tested,
 * those of them registered with a ГТО ID, badges by level and the share of the tested who earned one;
 * the same by stage and sex. A student counts once, with the best badge of the year's tests.
 */
public final class Tally {

    private int tested;
    private int registered;
    private final Map<Level, Integer> badges = new EnumMap<>(Level.class);
    private final Map<Integer, Map<Sex, Tally>> byStage = new TreeMap<>();

    /** Adds one student: registered or not, the stage and sex of the latest test, the best badge (null: none). */
    void add(boolean withId, int stage, Sex sex, Level badge) {
        count(withId, badge);
        byStage.computeIfAbsent(stage, s -> new EnumMap<>(Sex.class)).computeIfAbsent(sex, s -> new Tally()).count(withId, badge);
    }

    private void count(boolean withId, Level badge) {
        tested++;
        if (withId) {
            registered++;
        }
        if (badge != null) {
            badges.merge(badge, 1, Integer::sum);
        }
    }

    public int tested() {
        return tested;
    }

    public int registered() {
        return registered;
    }

    public int badges(Level level) {
        return badges.getOrDefault(level, 0);
    }

    public int withBadge() {
        return badges.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The share of the tested who earned a badge, 0–1; 0 when nobody was tested. */
    public double badgeShare() {
        return tested == 0 ? 0 : (double) withBadge() / tested;
    }

    /** Stage → sex → the counts of those students. */
    public Map<Integer, Map<Sex, Tally>> byStage() {
        return byStage;
    }
}
