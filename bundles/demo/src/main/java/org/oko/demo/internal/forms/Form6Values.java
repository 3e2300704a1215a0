package org.oko.demo.internal.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** МИАС form 6 «Прозрачность и объективность»: how ВПР was held — fewer observers and cross-checks at weak schools. */
public final class Form6Values implements FormValues {

    @Override
    public String form() {
        return "miac-6";
    }

    @Override
    public String returnComment() {
        return "Укажите число аудиторий ВПР с независимыми наблюдателями";
    }

    @Override
    public Map<String, Object> values(SchoolProfile s, Random random) {
        Values v = new Values(random);
        double observed = SchoolProfile.clamp(0.75 + 0.15 * s.strength() + random.nextGaussian() * 0.1, 0.2, 1);
        double crossChecked = SchoolProfile.clamp(0.6 + 0.2 * s.strength() + random.nextGaussian() * 0.15, 0, 1);
        // ВПР is written in grade 4 (НОО), 5–8 (ООО) and, where the school takes part, 11 (СОО); two subjects each.
        int[][] byLevel = {{s.classes(4), s.pupils(4)}, {s.classes(5) + s.classes(6) + s.classes(7) + s.classes(8),
                s.pupils(5) + s.pupils(6) + s.pupils(7) + s.pupils(8)}, {s.classes(11), v.chance(0.5) ? s.pupils(11) : 0}};
        int observedRooms = 0;
        for (int level = 0; level < 3; level++) {
            String row = SchoolProfile.LEVELS[level];
            int works = 2 * byLevel[level][1];
            int rooms = works == 0 ? 0 : 2 * byLevel[level][0];
            int roomsObserved = Values.part(rooms, observed);
            observedRooms += roomsObserved;
            v.cell("vpr_by_level", "rooms", row, rooms).cell("vpr_by_level", "rooms_observed", row, roomsObserved)
                    .cell("vpr_by_level", "rooms_video", row, Values.part(rooms, v.share(0, 0.8))).cell("vpr_by_level", "works", row, works)
                    .cell("vpr_by_level", "works_cross_checked", row, Values.part(works, crossChecked));
        }
        int remarked = v.between(0, 40);
        v.put("vpr_no_conflict", true).put("vpr_remarked", remarked).put("vpr_remark_changed", Values.part(remarked, v.share(0, 0.2)))
                .put("public_observers", v.between(observedRooms > 0 ? 1 : 0, 8));
        List<String> procedures = new ArrayList<>();
        procedures.add("vpr");
        if (s.levelPupils(2) > 0 || v.chance(0.3)) {
            procedures.add("gia");
        }
        if (v.chance(0.5)) {
            procedures.add("olympiad");
        }
        v.put("observed_procedures", procedures);
        String site = "https://sh" + s.code() + ".edu.example.ru";
        int appeals = v.between(0, 4);
        boolean analysis = !s.weak() || v.chance(0.5);
        v.put("assessment_regulation", true).put("assessment_regulation_url", site + "/docs/polozhenie-o-tekushchem-kontrole.pdf")
                .put("vsoko_regulation", v.chance(0.85)).put("criteria_informed", v.chance(0.9)).put("appeals_filed", appeals)
                .put("appeals_granted", v.between(0, appeals)).put("journal_vpr_analysis", analysis);
        if (analysis) {
            v.put("vpr_mismatch_share", SchoolProfile.clamp(18 - 6 * s.strength() + random.nextGaussian() * 5, 2, 60));
        }
        v.put("analysis_discussed", true).put("measures_plan", analysis || v.chance(0.5)).put("teachers_total", s.teachers())
                .put("teachers_trained_assessment", Values.part(s.teachers(), v.share(0.2, 0.7))).put("parents_informed", v.chance(0.9))
                .put("procedures_info_published", true);
        boolean published = v.chance(0.8);
        v.put("results_published", published);
        if (published) {
            v.put("results_url", site + "/vpr");
        }
        v.put("monitoring_results_published", v.chance(0.7));
        return v.map();
    }
}
