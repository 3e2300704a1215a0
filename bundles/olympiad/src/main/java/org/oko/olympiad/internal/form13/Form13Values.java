package org.oko.olympiad.internal.form13;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oko.olympiad.internal.report.Count;
import org.oko.olympiad.internal.report.Tally;

/**
 * МИАС form 13's figures from a school's counts: the people who took part in any stage, each stage's
 * participations, participants, diplomas and awarded people ({@code vsosh_by_stage.participants[school]}),
 * and the school, municipal and regional stages by subject. Pure: the tally in, the values by key out.
 */
public final class Form13Values {

    public static final String FORM = "miac-13";
    static final List<String> STAGES = List.of("school", "municipal", "regional", "final");
    static final List<String> SUBJECT_STAGES = List.of("school", "municipal", "regional");
    /** The subjects the form has rows for (the federal list, as the year file names them). */
    static final List<String> SUBJECTS = List.of("astronomy", "english", "biology", "geography", "informatics", "art", "spanish", "history",
            "italian", "chinese", "literature", "math", "german", "obzr", "social", "law", "russian", "technology", "physics", "pe", "french",
            "chemistry", "ecology", "economics");
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");

    private Form13Values() {
    }

    /** Every key this module fills. */
    public static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("vsosh_participants_total");
        for (String stage : STAGES) {
            for (String column : List.of("participations", "participants", "winners", "prize_winners", "awarded_people")) {
                keys.add("vsosh_by_stage." + column + "[" + stage + "]");
            }
        }
        for (String subject : SUBJECTS) {
            for (String stage : SUBJECT_STAGES) {
                keys.add("vsosh_by_subject." + stage + "_participations[" + subject + "]");
                keys.add("vsosh_by_subject." + stage + "_awarded[" + subject + "]");
            }
        }
        return keys;
    }

    /**
     * The olympiad a form's period reports: the one that ended in the spring of the period's year (its first
     * 20xx), so period 2026 (filled by 1 August 2026) reports the 2025/26 olympiad, academic year 2025.
     */
    public static int academicYear(String period) {
        Matcher year = period == null ? null : YEAR.matcher(period);
        return (year != null && year.find() ? Integer.parseInt(year.group(1)) : LocalDate.now().getYear()) - 1;
    }

    /** The values of the keys the form has, from the school's tally of the year. */
    public static Map<String, Object> of(Tally school, Set<String> wanted) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, wanted, "vsosh_participants_total", school.all().participants());
        for (String stage : STAGES) {
            Count count = school.stage(stage);
            put(values, wanted, "vsosh_by_stage.participations[" + stage + "]", count.participations());
            put(values, wanted, "vsosh_by_stage.participants[" + stage + "]", count.participants());
            put(values, wanted, "vsosh_by_stage.winners[" + stage + "]", count.winners());
            put(values, wanted, "vsosh_by_stage.prize_winners[" + stage + "]", count.prizeWinners());
            put(values, wanted, "vsosh_by_stage.awarded_people[" + stage + "]", count.awardedPeople());
        }
        for (String stage : SUBJECT_STAGES) {
            Map<String, Count> bySubject = school.bySubject(stage);
            for (String subject : SUBJECTS) {
                Count count = bySubject.get(subject);
                put(values, wanted, "vsosh_by_subject." + stage + "_participations[" + subject + "]", count == null ? 0 : count.participations());
                put(values, wanted, "vsosh_by_subject." + stage + "_awarded[" + subject + "]",
                        count == null ? 0 : count.winners() + count.prizeWinners());
            }
        }
        return values;
    }

    private static void put(Map<String, Object> values, Set<String> wanted, String key, int value) {
        if (wanted.contains(key)) {
            values.put(key, value);
        }
    }
}
