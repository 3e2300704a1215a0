package org.oko.demo.internal.forms;

import java.util.Map;
import java.util.Random;

/**
 * МИАС form 5 «Кадровое обеспечение»: teachers by education, category, age and experience — older staff, fewer
 * categories and more vacancies in the country and at weak schools.
 */
public final class Form5Values implements FormValues {

    private static final String[] AGES = {"under_25", "from_25_to_34", "from_35_to_54", "from_55"};

    @Override
    public String form() {
        return "miac-5";
    }

    @Override
    public String returnComment() {
        return "Сумма учителей по возрасту не совпадает с численностью учителей";
    }

    @Override
    public Map<String, Object> values(SchoolProfile s, Random random) {
        Values v = new Values(random);
        int t = s.teachers();
        double st = s.strength();
        int ovz = s.ovz(0) + s.ovz(1) + s.ovz(2);
        int[] four = Form4Values.specialists(s, v, ovz);
        int advisor = 1;
        int librarian = s.pupilsTotal() > 150 ? 1 : 0;
        int support = four[0] + four[1] + four[2] + four[3] + four[4] + advisor + librarian;
        v.put("ped_staff_total", t + support + v.between(0, 3)).put("teachers_total", t).put("teachers_external", Values.part(t, v.share(0, 0.12)));
        String[] rows = {"psychologist", "social_pedagogue", "speech_therapist", "defectologist", "tutor"};
        for (int i = 0; i < rows.length; i++) {
            v.cell("specialists", "staff", rows[i], four[i]);
        }
        v.cell("specialists", "staff", "advisor", advisor).cell("specialists", "staff", "librarian", librarian).put("has_branches", false);
        int higherPed = Values.part(t, SchoolProfile.clamp(0.8 + 0.06 * st - (s.rural() ? 0.08 : 0) + s.drift(0.02), 0.45, 0.98));
        int higherOther = Values.part(t - higherPed, 0.5);
        v.put("teachers_higher_ped", higherPed).put("teachers_higher_other", higherOther).put("teachers_spo", t - higherPed - higherOther);
        int highest = Values.part(t, SchoolProfile.clamp(0.28 + 0.1 * st - (s.rural() ? 0.06 : 0) + s.drift(0.02), 0.03, 0.55));
        int first = Math.min(t - highest, Values.part(t, SchoolProfile.clamp(0.3 + 0.05 * st + s.drift(0.02), 0.1, 0.45)));
        v.put("teachers_highest", highest).put("teachers_first", first).put("teachers_no_category", t - highest - first);
        // Age: younger staff at strong city schools, older in the country.
        double young = SchoolProfile.clamp(0.2 + 0.05 * st - (s.rural() ? 0.07 : 0) + s.drift(0.015), 0.03, 0.4);
        double old = SchoolProfile.clamp(0.25 - 0.05 * st + (s.rural() ? 0.1 : 0) + s.drift(0.015), 0.08, 0.5);
        int under25 = Values.part(t, young * 0.3);
        int from25 = Values.part(t, young) - under25;
        int from55 = Values.part(t, old);
        int from35 = t - under25 - from25 - from55;
        int[] ages = {under25, from25, from35, from55};
        for (int i = 0; i < AGES.length; i++) {
            v.cell("by_age", "teachers", AGES[i], ages[i]);
        }
        v.put("teachers_pension_age", Values.part(from55, v.share(0.5, 0.9)));
        // Experience follows age: the young have less than 10 years, the long-serving are over 35.
        int under3 = under25 + Values.part(from25, 0.25);
        int from3 = from25 - Values.part(from25, 0.25) + Values.part(from35, 0.1);
        int from20 = Values.part(from35, 0.5) + Values.part(from55, 0.9);
        int from10 = t - under3 - from3 - from20;
        if (from10 < 0) { // rounding at a very small staff
            from20 += from10;
            from10 = 0;
        }
        v.cell("by_experience", "teachers", "under_3", under3).cell("by_experience", "teachers", "from_3_to_10", from3)
                .cell("by_experience", "teachers", "from_10_to_20", from10).cell("by_experience", "teachers", "from_20", from20);
        double vacancies = s.weak() || s.rural() ? v.between(0, 6) / 2.0 : v.between(0, 2) / 2.0;
        v.put("vacancies_teachers", vacancies).put("vacancies_other", v.between(0, 2) / 2.0)
                .put("teachers_pd_3y", Values.part(t, SchoolProfile.clamp(0.85 + 0.05 * st + s.drift(0.03), 0.5, 1)));
        return v.map();
    }
}
