package org.oko.gto.internal.form8;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.norms.Sex;
import org.oko.gto.internal.report.Tally;

/**
 * МИАС form 8's participation figures from a school's counts: registered with the ГТО ID, tested,
 * badges by level, and the tested and badges by stage ({@code gto_by_stage.tested[s3]}). Pure: the
 * tally in, the values by key out.
 */
public final class Form8Values {

    public static final String FORM = "miac-8";

    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");

    private Form8Values() {
    }

    /** Every key this module fills, of the stages I–VI. */
    public static Set<String> keys() {
        Set<String> keys = new java.util.LinkedHashSet<>(Set.of("gto_registered", "gto_tested", "gto_gold", "gto_silver", "gto_bronze"));
        for (int stage = 1; stage <= 6; stage++) {
            for (String column : new String[] {"tested", "gold", "silver", "bronze"}) {
                keys.add(cell(column, stage));
            }
        }
        return keys;
    }

    /** The year of a form's period: its first 20xx ("2025", "2025-spring", "miac-2025"); the current year when it has none. */
    public static int year(String period) {
        Matcher year = period == null ? null : YEAR.matcher(period);
        return year != null && year.find() ? Integer.parseInt(year.group(1)) : LocalDate.now().getYear();
    }

    /** The values of the keys the form has, from the school's tally of the year. */
    public static Map<String, Object> of(Tally school, Set<String> wanted) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, wanted, "gto_registered", school.registered());
        put(values, wanted, "gto_tested", school.tested());
        put(values, wanted, "gto_gold", school.badges(Level.GOLD));
        put(values, wanted, "gto_silver", school.badges(Level.SILVER));
        put(values, wanted, "gto_bronze", school.badges(Level.BRONZE));
        for (int stage = 1; stage <= 6; stage++) {
            Map<Sex, Tally> bySex = school.byStage().getOrDefault(stage, Map.of());
            put(values, wanted, cell("tested", stage), bySex.values().stream().mapToInt(Tally::tested).sum());
            for (Level level : Level.values()) {
                put(values, wanted, cell(level.code(), stage), bySex.values().stream().mapToInt(t -> t.badges(level)).sum());
            }
        }
        return values;
    }

    private static String cell(String column, int stage) {
        return "gto_by_stage." + column + "[s" + stage + "]";
    }

    private static void put(Map<String, Object> values, Set<String> wanted, String key, int value) {
        if (wanted.contains(key)) {
            values.put(key, value);
        }
    }
}
