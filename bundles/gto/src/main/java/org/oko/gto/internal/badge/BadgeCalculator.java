package org.oko.gto.internal.badge;

import static org.oko.gto.internal.GtoTexts.TEXTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.norms.Norms;
import org.oko.gto.internal.norms.Sex;
import org.oko.gto.internal.norms.Unit;
import org.oko.platform.api.rest.ApiMessage;

/**
 * A participant's results judged by a stage of the norms: the level each event reached, and the badge —
 * the highest level at which the participant passed the tests that badge needs, one of them of every
 * mandatory quality. Alternatives of one group count once, at the best level among them. Pure: the
 * stage and the results in, the assessment out.
 */
public final class BadgeCalculator {

    private BadgeCalculator() {
    }

    /**
     * One event's result.
     *
     * @param value   the result in the unit's base (seconds for times), null when unreadable
     * @param level   the highest level it reached, null for none
     * @param problem why the result could not be judged, null when it was
     */
    public record EventResult(String code, String written, BigDecimal value, Level level, ApiMessage problem) {
    }

    /**
     * @param badge       the badge earned, null for none
     * @param explanation why not the next level up (or not bronze): mandatory qualities not passed at it,
     *                    tests short of what it needs; empty for gold
     */
    public record Assessment(int stage, Map<String, EventResult> events, Level badge, List<ApiMessage> explanation) {
    }

    /** Judges the results (event code → result as written) of a participant of a sex at a stage. */
    public static Assessment assess(Norms.Stage stage, Sex sex, Map<String, ?> results) {
        Map<String, EventResult> events = new LinkedHashMap<>();
        // Each group (an event, or alternatives) at the best level any of its events reached, and its qualities at each level.
        Map<String, Level> groups = new LinkedHashMap<>();
        Map<Level, Set<String>> qualities = new LinkedHashMap<>();
        results.forEach((code, written) -> {
            EventResult result = judge(stage, sex, code, written);
            events.put(code, result);
            if (result.level() == null) {
                return;
            }
            Norms.Event event = stage.event(code).orElseThrow();
            groups.merge(event.countsAs(), result.level(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            for (Level level : Level.values()) {
                if (result.level().compareTo(level) >= 0) {
                    qualities.computeIfAbsent(level, l -> new LinkedHashSet<>()).add(event.quality());
                }
            }
        });
        Level badge = null;
        for (Level level : Level.values()) {
            if (passes(stage, level, groups, qualities)) {
                badge = level;
            }
        }
        List<ApiMessage> explanation = new ArrayList<>();
        if (badge != Level.GOLD) {
            Level next = badge == null ? Level.BRONZE : Level.values()[badge.ordinal() + 1];
            for (String quality : stage.mandatory()) {
                if (!qualities.getOrDefault(next, Set.of()).contains(quality)) {
                    explanation.add(forBadge("gto.explain.quality-missing", next, quality));
                }
            }
            long passed = count(groups, next);
            if (passed < stage.needed(next)) {
                explanation.add(forBadge("gto.explain.tests-short", next, passed, stage.needed(next)));
            }
        }
        return new Assessment(stage.stage(), events, badge, explanation);
    }

    /** A text about a badge, with the badge named in each language. */
    private static ApiMessage forBadge(String key, Level level, Object... more) {
        Object[] ru = new Object[more.length + 1];
        Object[] en = new Object[more.length + 1];
        String name = switch (level) {
            case BRONZE -> "gto.level.bronze";
            case SILVER -> "gto.level.silver";
            case GOLD -> "gto.level.gold";
        };
        ru[0] = TEXTS.ru(name);
        en[0] = TEXTS.in("en", name);
        System.arraycopy(more, 0, ru, 1, more.length);
        System.arraycopy(more, 0, en, 1, more.length);
        return new ApiMessage(TEXTS.ru(key, ru), TEXTS.in("en", key, en));
    }

    private static boolean passes(Norms.Stage stage, Level level, Map<String, Level> groups, Map<Level, Set<String>> qualities) {
        return qualities.getOrDefault(level, Set.of()).containsAll(stage.mandatory()) && count(groups, level) >= stage.needed(level);
    }

    private static long count(Map<String, Level> groups, Level level) {
        return groups.values().stream().filter(reached -> reached.compareTo(level) >= 0).count();
    }

    private static String unitKey(Unit unit) {
        return switch (unit) {
            case SECONDS -> "gto.unit.s";
            case MINUTES_SECONDS -> "gto.unit.min-s";
            case CENTIMETRES -> "gto.unit.cm";
            case METRES -> "gto.unit.m";
            case KILOMETRES -> "gto.unit.km";
            case COUNT -> "gto.unit.count";
        };
    }

    /** The level one result reached, or why it could not be judged. */
    static EventResult judge(Norms.Stage stage, Sex sex, String code, Object written) {
        String text = written == null ? null : written.toString();
        Norms.Event event = stage.event(code).orElse(null);
        if (event == null) {
            return new EventResult(code, text, null, null, TEXTS.text("gto.result.no-such-event", code, stage.stage()));
        }
        Unit unit = event.unitOf();
        BigDecimal value = unit.parse(written);
        if (value == null) {
            String shown = text == null ? "" : text;
            return new EventResult(code, text, null, null, new ApiMessage(
                    TEXTS.ru("gto.result.unreadable", shown, event.name(), TEXTS.ru(unitKey(unit))),
                    TEXTS.in("en", "gto.result.unreadable", shown, event.name(), TEXTS.in("en", unitKey(unit)))));
        }
        Map<Level, BigDecimal> thresholds = event.thresholds(sex);
        if (thresholds.isEmpty()) {
            return new EventResult(code, text, value, null, TEXTS.text("gto.result.not-for-sex", event.name()));
        }
        Level reached = null;
        for (Level level : Level.values()) {
            int compared = value.compareTo(thresholds.get(level));
            if (event.lowerIsBetter() ? compared <= 0 : compared >= 0) {
                reached = level; // the threshold itself passes
            }
        }
        return new EventResult(code, text, value, reached, null);
    }
}
