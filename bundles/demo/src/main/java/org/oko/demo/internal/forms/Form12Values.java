package org.oko.demo.internal.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** МИАС form 12 «Жизнеустройство выпускников 11 классов»: universities in and outside the region, colleges, work. */
public final class Form12Values implements FormValues {

    @Override
    public String form() {
        return "miac-12";
    }

    @Override
    public String returnComment() {
        return "Медалисты распределены не по всем направлениям";
    }

    @Override
    public Map<String, Object> values(SchoolProfile s, Random random) {
        Values v = new Values(random);
        int grads = s.pupils(11);
        int certified = grads - (s.weak() && grads > 0 && v.chance(0.5) ? 1 : 0);
        int medals = Values.part(certified, SchoolProfile.clamp(0.08 + 0.05 * s.strength(), 0, 0.25));
        int gold = Values.part(medals, 0.6);
        v.put("grads_total", grads).put("grads_certified", certified).put("grads_medal_1", gold).put("grads_medal_2", medals - gold).put("has_branches", false);
        int vuz = Math.max(medals, Values.part(certified, SchoolProfile.clamp(0.6 + 0.12 * s.strength() - (s.rural() ? 0.15 : 0) + s.drift(0.03), 0.15, 0.95)));
        int outside = Values.part(vuz, SchoolProfile.clamp(0.3 + 0.1 * s.strength(), 0.05, 0.6));
        int regionBudget = Math.max(medals, Values.part(vuz - outside, 0.6)); // medallists study on the budget
        outside = Math.min(outside, vuz - regionBudget);
        int regionPaid = vuz - outside - regionBudget;
        int outsideBudget = Values.part(outside, 0.5);
        int rest = grads - vuz;
        int spo = Values.part(rest, 0.6);
        int military = Values.part(rest - spo, 0.3);
        int employed = (rest - spo - military) / 2;
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put("vuz_region_budget", regionBudget);
        all.put("vuz_region_paid", regionPaid);
        all.put("vuz_outside_budget", outsideBudget);
        all.put("vuz_outside_paid", vuz - regionBudget - regionPaid - outsideBudget);
        all.put("spo", spo);
        all.put("employed", employed);
        all.put("military", military);
        all.put("not_employed", rest - spo - military - employed);
        all.put("unknown", 0);
        Map<String, Integer> ofMedallists = Destinations.spread(all, medals, "vuz_region_budget", "vuz_outside_budget", "vuz_region_paid", "vuz_outside_paid");
        all.forEach((row, n) -> v.cell("destinations", "all", row, n).cell("destinations", "medal", row, ofMedallists.get(row)));
        int distance = vuz > 10 && v.chance(0.3) ? 1 : 0;
        v.cell("vuz_by_form", "all", "full_time", vuz - distance).cell("vuz_by_form", "all", "part_time", 0).cell("vuz_by_form", "all", "distance", distance);
        return v.map();
    }
}
