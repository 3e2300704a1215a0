package org.oko.demo.internal.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** МИАС form 3 «Материально-техническое и информационное обеспечение»: computers per pupil grow with the years, less at weak schools. */
public final class Form3Values implements FormValues {

    private static final String[] ROOMS = {"chemistry", "physics", "biology", "informatics"};

    @Override
    public String form() {
        return "miac-3";
    }

    @Override
    public String returnComment() {
        return "Число компьютеров не совпадает с инвентарной ведомостью";
    }

    /** Computers used for learning per 100 pupils: 3–25, a little more every year. */
    static double computersPer100(SchoolProfile s, Random random) {
        return SchoolProfile.clamp(8 + 3.5 * s.strength() + random.nextGaussian() * 2 + 0.6 * s.yearsOn() + (s.rural() ? 2 : 0), 3, 25);
    }

    @Override
    public Map<String, Object> values(SchoolProfile s, Random random) {
        Values v = new Values(random);
        int pupils = s.pupilsTotal();
        int learning = Math.max(2, Values.part(pupils, computersPer100(s, random) / 100));
        int total = learning + v.between(2, 8);
        double online = SchoolProfile.clamp(0.93 + 0.04 * s.strength() + random.nextGaussian() * 0.04, 0.55, 1);
        v.put("pupils_total", pupils).put("has_branches", false).put("computers_total", total).put("computers_learning", learning)
                .put("computers_laptops", Values.part(learning, v.share(0.15, 0.5))).put("computers_pupils_free", Values.part(learning, v.share(0.05, 0.3)))
                .put("computers_internet", Values.part(total, online))
                .put("computers_obsolete", Values.part(total, SchoolProfile.clamp(0.25 - 0.1 * s.strength() + random.nextGaussian() * 0.08, 0, 0.8)));
        v.put("internet_connected", true)
                .put("internet_speed", s.rural() ? (s.weak() ? "from_10_to_50" : v.pick(List.of("from_10_to_50", "from_50_to_100")))
                        : v.pick(List.of("from_50_to_100", "from_100")))
                .put("internet_connection_type", s.rural() ? v.pick(List.of("fibre", "dsl", "radio", "satellite")) : "fibre")
                .put("wifi", !s.weak() || v.chance(0.5)).put("content_filtering", true);
        boolean tochka = s.rural() && v.chance(0.7);
        v.put("interactive_boards", Values.part(s.classesTotal(), SchoolProfile.clamp(0.5 + 0.2 * s.strength(), 0.1, 1)))
                .put("projectors", Values.part(s.classesTotal(), v.share(0.6, 1.1)) + 1).put("printers_mfp", v.between(3, 6 + pupils / 40))
                .put("tochka_rosta", tochka);
        for (String room : ROOMS) {
            boolean present = "informatics".equals(room) || !s.rural() || v.chance(0.8);
            v.cell("rooms", "present", room, present).cell("rooms", "modern_equipment", room, present && (tochka || v.chance(0.4 + 0.15 * s.strength())));
        }
        int fund = pupils * v.between(14, 36) + 2000;
        v.put("library_fund", fund).put("textbooks", Math.min(fund, pupils * v.between(8, 14))).put("library_media_centre", v.chance(0.4 + 0.1 * s.strength()));
        List<String> platforms = new ArrayList<>(List.of("moya_shkola", "sferum"));
        if (v.chance(0.6)) {
            platforms.add("resh");
        }
        if (v.chance(0.3)) {
            platforms.add("regional");
        }
        v.put("platforms", platforms).put("electronic_journal", true);
        boolean gym = !s.weak() || v.chance(0.5);
        v.put("sport_facilities", gym ? (s.rural() ? List.of("gym", "sports_ground", "ski_base") : List.of("gym", "sports_ground")) : List.of("sports_ground"));
        if (gym) {
            v.put("gym_area", (double) v.pick(List.of(162, 288, 324, 540)));
        }
        return v.map();
    }
}
