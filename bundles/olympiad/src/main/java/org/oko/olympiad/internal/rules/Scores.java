package org.oko.olympiad.internal.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The maximum and passing scores of a year, as the organisers set them: per stage, subject and grade, for
 * the whole region or one territory. A territory's own value comes before the region's.
 */
public final class Scores {

    /** The region's row: no territory. */
    public static final String REGION = "";

    /**
     * @param territory {@link #REGION} or a territory's code
     * @param max       the maximum score, null until set
     * @param passing   the passing score to the next stage, null until set
     */
    public record Setting(int year, String stage, String subject, int grade, String territory, BigDecimal max, BigDecimal passing,
                          String setBy, Instant setAt) {

        String key() {
            return Scores.key(stage, subject, grade, territory);
        }
    }

    private final Map<String, Setting> settings = new HashMap<>();

    public Scores(List<Setting> settings) {
        settings.forEach(s -> this.settings.put(s.key(), s));
    }

    /** The maximum score of a stage, subject and grade for a school of the territory (its own, else the region's). */
    public Optional<BigDecimal> max(String stage, String subject, int grade, String territory) {
        return value(stage, subject, grade, territory, Setting::max);
    }

    public Optional<BigDecimal> passing(String stage, String subject, int grade, String territory) {
        return value(stage, subject, grade, territory, Setting::passing);
    }

    private Optional<BigDecimal> value(String stage, String subject, int grade, String territory,
                                       java.util.function.Function<Setting, BigDecimal> field) {
        if (territory != null && !territory.isEmpty()) {
            Setting own = settings.get(key(stage, subject, grade, territory));
            if (own != null && field.apply(own) != null) {
                return Optional.of(field.apply(own));
            }
        }
        return Optional.ofNullable(settings.get(key(stage, subject, grade, REGION))).map(field);
    }

    public List<Setting> all() {
        return settings.values().stream().sorted(java.util.Comparator.comparing(Setting::stage).thenComparing(Setting::subject)
                .thenComparingInt(Setting::grade).thenComparing(Setting::territory)).toList();
    }

    private static String key(String stage, String subject, int grade, String territory) {
        return stage + "|" + subject + "|" + grade + "|" + territory;
    }
}
