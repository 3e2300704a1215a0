package org.oko.demo.internal.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** МИАС form 1 «Общие сведения»: the school's grades, pupils and teachers as its profile has them. */
public final class Form1Values implements FormValues {

    @Override
    public String form() {
        return "miac-1";
    }

    @Override
    public String returnComment() {
        return "Проверьте численность обучающихся по классам";
    }

    @Override
    public Map<String, Object> values(SchoolProfile s, Random random) {
        Values v = new Values(random);
        List<String> programmes = new ArrayList<>(List.of("noo", "ooo"));
        if (s.levelPupils(2) > 0) {
            programmes.add("soo");
        }
        if (v.chance(0.6)) {
            programmes.add("additional");
        }
        int pupils = s.pupilsTotal();
        v.put("settlement", s.rural() ? "rural" : "city").put("programmes", programmes).put("shifts", s.shifts()).put("has_branches", false)
                .put("pupils_total", pupils).put("classes_total", s.classesTotal());
        for (int grade = 1; grade <= 11; grade++) {
            v.cell("by_grade", "classes", String.valueOf(grade), s.classes(grade));
            v.cell("by_grade", "pupils", String.valueOf(grade), s.pupils(grade));
        }
        int distance = v.chance(0.2) ? v.between(1, 3) : 0;
        v.cell("by_study_form", "pupils", "full_time", pupils - distance).cell("by_study_form", "pupils", "part_time", 0)
                .cell("by_study_form", "pupils", "distance", distance);
        int teachers = s.teachers();
        v.put("teachers_total", teachers)
                .put("teachers_highest", Values.part(teachers, SchoolProfile.clamp(0.25 + 0.08 * s.strength(), 0.05, 0.5)))
                .put("teachers_first", Values.part(teachers, v.share(0.2, 0.4)))
                .put("teachers_under_35", Values.part(teachers, SchoolProfile.clamp(0.18 + 0.05 * s.strength() - (s.rural() ? 0.06 : 0), 0.02, 0.4)))
                .put("teachers_pensioners", Values.part(teachers, SchoolProfile.clamp(0.2 - 0.05 * s.strength() + (s.rural() ? 0.08 : 0), 0.05, 0.45)));
        v.put("gym", !s.weak() || v.chance(0.5)).put("library", true).put("canteen", true).put("internet_100", !s.rural() || v.chance(0.4));
        v.put("computers_for_learning", Values.part(pupils, Form3Values.computersPer100(s, random) / 100));
        return v.map();
    }
}
