package org.oko.demo.internal.forms;

import java.util.Map;
import java.util.Random;

/**
 * МИАС form 4 «Качество образовательной среды»: shifts, classes and pupils with disabilities as the profile has them;
 * meals, activities and the social context (low-income, single-parent, large and non-Russian-speaking families)
 * harder in the country and at weak schools.
 */
public final class Form4Values implements FormValues {

    private static final String[] SPECIALISTS = {"psychologist", "social_pedagogue", "speech_therapist", "defectologist", "tutor"};

    @Override
    public String form() {
        return "miac-4";
    }

    @Override
    public String returnComment() {
        return "Проверьте распределение обучающихся по сменам";
    }

    @Override
    public Map<String, Object> values(SchoolProfile s, Random random) {
        Values v = new Values(random);
        int pupils = s.pupilsTotal();
        int second = s.shifts() == 2 ? Math.max(1, Values.part(pupils, v.share(0.08, 0.3))) : 0;
        v.put("pupils_total", pupils).put("shifts_count", s.shifts()).put("pupils_shift_1", pupils - second).put("pupils_shift_2", second)
                .put("pupils_shift_3", 0);
        int ovzTotal = 0;
        for (int level = 0; level < 3; level++) {
            v.cell("levels", "classes", SchoolProfile.LEVELS[level], s.levelClasses(level)).cell("levels", "pupils", SchoolProfile.LEVELS[level], s.levelPupils(level));
            ovzTotal += s.ovz(level);
        }
        for (int level = 0; level < 3; level++) {
            int ovz = s.ovz(level);
            v.cell("inclusion", "ovz", SchoolProfile.LEVELS[level], ovz).cell("inclusion", "disabled", SchoolProfile.LEVELS[level], Values.part(ovz, v.share(0.1, 0.35)))
                    .cell("inclusion", "ovz_inclusive", SchoolProfile.LEVELS[level], Values.part(ovz, v.share(0.5, 1.0)));
        }
        int primary = s.levelPupils(0);
        int hotMeals = Math.max(Math.max(primary, (pupils + 1) / 2), Values.part(pupils, SchoolProfile.clamp(0.8 + 0.05 * s.strength() + s.drift(0.04), 0.5, 1)));
        v.put("accessible_environment", v.chance(0.35 + 0.1 * s.strength()))
                .put("pupils_extracurricular", Values.part(pupils, SchoolProfile.clamp(0.8 + 0.07 * s.strength() + s.drift(0.03), 0.5, 1)))
                .put("pupils_additional_education", Values.part(pupils, SchoolProfile.clamp(0.55 + 0.1 * s.strength() - (s.rural() ? 0.1 : 0) + s.drift(0.04), 0.15, 0.95)))
                .put("school_sports_club", v.chance(0.7))
                .put("canteen_type", s.rural() ? v.pick(java.util.List.of("cooking", "finishing")) : "cooking")
                .put("canteen_seats", Values.part(pupils, v.share(0.3, 0.5)) + 10).put("pupils_hot_meals", hotMeals).put("pupils_free_meals_1_4", primary);
        // The social context: shares of the pupils, harder with the school's hardship; non-Russian-speaking families in some villages.
        double h = s.hardship();
        boolean migrants = s.rural() && h > 0.45 && v.chance(0.6) || v.chance(0.05);
        v.put("pupils_low_income", Values.part(pupils, SchoolProfile.clamp(0.04 + 0.4 * h + s.drift(0.01), 0, 0.7)))
                .put("pupils_single_parent", Values.part(pupils, SchoolProfile.clamp(0.1 + 0.25 * h + s.drift(0.01), 0, 0.6)))
                .put("pupils_large_families", Values.part(pupils, SchoolProfile.clamp(0.08 + 0.22 * h + s.drift(0.01), 0, 0.5)))
                .put("pupils_non_native_russian", Values.part(pupils, migrants ? v.share(0.15, 0.35) : v.share(0, 0.05)));
        v.put("incidents_injuries", v.between(0, pupils / 150)).put("pupils_on_police_record", Values.part(pupils, h * v.share(0, 0.03)))
                .put("mediation_service", v.chance(0.6));
        int[] staff = specialists(s, v, ovzTotal);
        for (int i = 0; i < SPECIALISTS.length; i++) {
            v.cell("specialists", "staff", SPECIALISTS[i], staff[i]);
        }
        return v.map();
    }

    /** Psychologists, social pedagogues, speech therapists, defectologists and tutors: the same the school reports in form 5. */
    static int[] specialists(SchoolProfile s, Values v, int ovz) {
        int pupils = s.pupilsTotal();
        return new int[] {s.psychologists(), s.rural() ? 0 : 1 + pupils / 900, pupils > 300 ? 1 : 0, ovz > 15 ? 1 : 0, s.weak() ? 0 : pupils / 500};
    }
}
