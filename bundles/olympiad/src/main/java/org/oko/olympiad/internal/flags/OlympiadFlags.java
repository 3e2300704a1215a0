package org.oko.olympiad.internal.flags;

import static org.oko.olympiad.internal.OlympiadTexts.TEXTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.oko.olympiad.internal.report.Count;
import org.oko.olympiad.internal.report.Tally;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.procedure.api.Flag;
import org.oko.procedure.api.Levels;

/**
 * The signs of non-objective olympiad results (seed 001 puts olympiads under the objectivity methodology),
 * through the kit's {@link Flag}: a school whose share of diplomas at the school stage, which it marks itself,
 * is far above the region's while its pupils do no better than the region at the municipal stage; and
 * scores bunched just above the passing score. A sign is a reason to look, never a verdict. Pure.
 */
public final class OlympiadFlags {

    public static final String SCHOOL_STAGE_AWARDS = "SCHOOL_STAGE_AWARDS";
    public static final String SCORES_AT_PASSING = "SCORES_AT_PASSING";
    static final String SCHOOL = "school";
    static final String MUNICIPAL = "municipal";

    private final FlagRules rules;

    public OlympiadFlags(FlagRules rules) {
        this.rules = rules;
    }

    /** Every school's signs, by school code. */
    public Map<String, List<Flag>> judge(Levels<Tally> levels, List<Participation> participations, Scores scores,
                                         Function<String, String> territoryOf, Function<String, String> stageName) {
        Map<String, List<Flag>> flags = new LinkedHashMap<>();
        Count regionSchool = levels.region().stage(SCHOOL);
        Count regionMunicipal = levels.region().stage(MUNICIPAL);
        levels.schools().forEach((school, tally) -> awards(school, tally, regionSchool, regionMunicipal)
                .ifPresent(f -> flags.computeIfAbsent(school, s -> new ArrayList<>()).add(f)));
        bunching(participations, scores, territoryOf, stageName).forEach(f -> flags.computeIfAbsent(f.school(), s -> new ArrayList<>()).add(f));
        return flags;
    }

    Optional<Flag> awards(String school, Tally tally, Count regionSchool, Count regionMunicipal) {
        Count own = tally.stage(SCHOOL);
        if (own.participations() < rules.min_participations()) {
            return Optional.empty();
        }
        double share = own.awardShare() * 100;
        double regionShare = regionSchool.awardShare() * 100;
        Count municipal = tally.stage(MUNICIPAL);
        double municipalShare = municipal.awardShare() * 100;
        double regionMunicipalShare = regionMunicipal.awardShare() * 100;
        if (share >= rules.awards_min_share() && share >= rules.awards_ratio() * regionShare
                && municipalShare <= rules.municipal_ratio() * regionMunicipalShare) {
            return Optional.of(new Flag(school, SCHOOL_STAGE_AWARDS, TEXTS.ru("olympiad.flag.awards"),
                    TEXTS.ru("olympiad.flag.awards.why", tenths(share), tenths(regionShare), municipal.participations(), tenths(municipalShare),
                            tenths(regionMunicipalShare)),
                    figures("school_stage_share", share, "region_school_stage_share", regionShare, "municipal_participations",
                            municipal.participations(), "municipal_share", municipalShare, "region_municipal_share", regionMunicipalShare)));
        }
        return Optional.empty();
    }

    /** Per school and stage: participations just above the passing score against those just below it. */
    List<Flag> bunching(List<Participation> participations, Scores scores, Function<String, String> territoryOf,
                        Function<String, String> stageName) {
        Map<String, int[]> counts = new HashMap<>(); // school|stage → {just above, just below}
        for (Participation p : participations) {
            String territory = territoryOf.apply(p.school());
            Optional<BigDecimal> passing = scores.passing(p.stage(), p.subject(), p.grade(), territory);
            Optional<BigDecimal> max = scores.max(p.stage(), p.subject(), p.grade(), territory);
            if (passing.isEmpty() || max.isEmpty()) {
                continue;
            }
            BigDecimal window = max.get().multiply(BigDecimal.valueOf(rules.bunch_window() / 100)).max(BigDecimal.ONE);
            int[] count = counts.computeIfAbsent(p.school() + "|" + p.stage(), k -> new int[2]);
            if (p.score().compareTo(passing.get()) >= 0 && p.score().compareTo(passing.get().add(window)) < 0) {
                count[0]++;
            } else if (p.score().compareTo(passing.get()) < 0 && p.score().compareTo(passing.get().subtract(window)) >= 0) {
                count[1]++;
            }
        }
        List<Flag> flags = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int above = e.getValue()[0];
            int below = e.getValue()[1];
            if (above >= rules.bunch_min() && above >= rules.bunch_ratio() * Math.max(below, 1)) {
                String[] key = e.getKey().split("\\|");
                flags.add(new Flag(key[0], SCORES_AT_PASSING, TEXTS.ru("olympiad.flag.bunching"),
                        TEXTS.ru("olympiad.flag.bunching.why", stageName.apply(key[1]), above, below, tenths(rules.bunch_window())),
                        figures("stage", key[1], "just_above", above, "just_below", below)));
            }
        });
        return flags;
    }

    private static String tenths(double value) {
        return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    private static Map<String, Object> figures(Object... pairs) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            figures.put((String) pairs[i], value instanceof Double d ? Math.round(d * 10) / 10.0 : value);
        }
        return figures;
    }
}
