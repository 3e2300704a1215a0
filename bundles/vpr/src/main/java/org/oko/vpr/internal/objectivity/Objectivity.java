package org.oko.vpr.internal.objectivity;

import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oko.procedure.api.Flag;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Stats;

/**
 * The signs of non-objective results (seed 001; the federal methodology's usual signs): top marks
 * far above the region's share, large gaps between ВПР and journal marks, hard tasks solved more
 * often than easy ones, a sharp rise since last year. Pure: figures in, flags out.
 */
public final class Objectivity {

    private final ObjectivityRules rules;

    public Objectivity(ObjectivityRules rules) {
        this.rules = rules;
    }

    /**
     * @param previous the school's figures for the same subject and grade a year earlier, or null
     */
    public List<Flag> judge(String school, TestSpec spec, Stats mine, Stats region, Stats previous) {
        List<Flag> flags = new ArrayList<>();
        if (mine.participants() < rules.min_participants()) {
            return flags;
        }
        double five = value(mine.markShare(5));
        double regionFive = value(region.markShare(5));
        if (five >= rules.top_marks_min_share() && five >= rules.top_marks_ratio() * regionFive) {
            flags.add(new Flag(school, "TOP_MARKS", TEXTS.ru("vpr.flag.top-marks"),
                    TEXTS.ru("vpr.flag.top-marks.why", tenths(five), tenths(regionFive),
                            tenths(regionFive == 0 ? Double.POSITIVE_INFINITY : five / regionFive), tenths(rules.top_marks_ratio()),
                            whole(rules.top_marks_min_share())),
                    figures("school_share_5", five, "region_share_5", regionFive, "participants", mine.participants())));
        }
        if (mine.withJournal() >= rules.min_participants()) {
            double raised = value(mine.raised());
            double lowered = value(mine.lowered());
            if (raised >= rules.raised_max_share()) {
                flags.add(new Flag(school, "JOURNAL_RAISED", TEXTS.ru("vpr.flag.journal-raised"),
                        TEXTS.ru("vpr.flag.journal-raised.why", tenths(raised), whole(rules.raised_max_share()), tenths(value(mine.confirmed())),
                                tenths(lowered)),
                        figures("raised", raised, "confirmed", value(mine.confirmed()), "lowered", lowered)));
            }
            if (lowered >= rules.lowered_max_share()) {
                flags.add(new Flag(school, "JOURNAL_LOWERED", TEXTS.ru("vpr.flag.journal-lowered"),
                        TEXTS.ru("vpr.flag.journal-lowered.why", tenths(lowered), whole(rules.lowered_max_share())),
                        figures("lowered", lowered, "confirmed", value(mine.confirmed()), "raised", raised)));
            }
        }
        taskProfile(school, spec, mine, region).ifPresent(flags::add);
        if (previous != null && previous.participants() >= rules.min_participants()) {
            double now = value(mine.quality());
            double before = value(previous.quality());
            if (now - before >= rules.year_jump_points()) {
                flags.add(new Flag(school, "YEAR_JUMP", TEXTS.ru("vpr.flag.year-jump"),
                        TEXTS.ru("vpr.flag.year-jump.why", tenths(now), tenths(before), tenths(now - before), whole(rules.year_jump_points())),
                        figures("quality", now, "quality_last_year", before)));
            }
        }
        return flags;
    }

    private java.util.Optional<Flag> taskProfile(String school, TestSpec spec, Stats mine, Stats region) {
        List<BigDecimal> regionSuccess = region.taskSuccess();
        List<BigDecimal> schoolSuccess = mine.taskSuccess();
        List<String> hard = new ArrayList<>();
        List<String> easy = new ArrayList<>();
        double hardSum = 0;
        double easySum = 0;
        for (int i = 0; i < spec.tasks().size(); i++) {
            double r = value(regionSuccess.get(i));
            if (r <= rules.hard_task_max_success()) {
                hard.add(spec.tasks().get(i).label());
                hardSum += value(schoolSuccess.get(i));
            } else if (r >= rules.easy_task_min_success()) {
                easy.add(spec.tasks().get(i).label());
                easySum += value(schoolSuccess.get(i));
            }
        }
        if (hard.isEmpty() || easy.isEmpty()) {
            return java.util.Optional.empty();
        }
        double hardMean = hardSum / hard.size();
        double easyMean = easySum / easy.size();
        if (hardMean - easyMean <= rules.profile_margin()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Flag(school, "TASK_PROFILE", TEXTS.ru("vpr.flag.task-profile"),
                TEXTS.ru("vpr.flag.task-profile.why", hard, tenths(hardMean), easy, tenths(easyMean)),
                figures("hard_tasks", hard, "hard_success", round(hardMean), "easy_tasks", easy, "easy_success", round(easyMean))));
    }

    /** A figure with one decimal, "12.5", as the explanations print it. */
    private static String tenths(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    /** A threshold without decimals, "30". */
    private static String whole(double value) {
        return String.format(java.util.Locale.ROOT, "%.0f", value);
    }

    private static double value(BigDecimal percent) {
        return percent == null ? 0 : percent.doubleValue();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Map<String, Object> figures(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
