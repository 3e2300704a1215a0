package org.oko.demo.internal.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** МИАС form 11 «Жизнеустройство выпускников 9 классов»: this year's grade 9 and where it went — more to colleges in the country. */
public final class Form11Values implements FormValues {

    @Override
    public String form() {
        return "miac-11";
    }

    @Override
    public String returnComment() {
        return "Сумма выпускников по направлениям не равна числу выпускников";
    }

    @Override
    public Map<String, Object> values(SchoolProfile s, Random random) {
        Values v = new Values(random);
        int grads = s.pupils(9);
        int uncertified = s.weak() ? v.between(0, Math.max(1, grads / 15)) : v.chance(0.2) ? 1 : 0;
        uncertified = Math.min(grads, uncertified);
        int certified = grads - uncertified;
        int ovz = Math.min(grads, Values.part(s.ovz(1), 0.2));
        v.put("grads_total", grads).put("grads_certified", certified).put("grads_honours", Values.part(certified, SchoolProfile.clamp(0.04 + 0.03 * s.strength(), 0, 0.15)))
                .put("grads_ovz", ovz).put("has_branches", false);
        // Of the certified: most continue (grade 10 here or elsewhere, or a college); a few work, move or stay at home.
        int continued = Values.part(certified, SchoolProfile.clamp(0.93 + 0.03 * s.strength() + s.drift(0.02), 0.75, 1));
        int grade10 = Values.part(continued, SchoolProfile.clamp(0.5 + 0.1 * s.strength() - (s.rural() ? 0.15 : 0), 0.2, 0.75));
        boolean ownGrade10 = s.classes(10) > 0;
        int rest = certified - continued;
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put("grade10_own", ownGrade10 ? grade10 : 0);
        all.put("grade10_other", ownGrade10 ? 0 : grade10);
        all.put("spo", continued - grade10);
        all.put("employed", rest / 3);
        all.put("not_certified", uncertified);
        all.put("not_continued_other", rest / 3);
        all.put("moved", rest - 2 * (rest / 3));
        all.put("unknown", 0);
        Map<String, Integer> ofOvz = Destinations.spread(all, ovz, "spo", "grade10_own", "grade10_other", "not_certified", "not_continued_other", "moved", "employed");
        all.forEach((row, n) -> v.cell("destinations", "all", row, n).cell("destinations", "ovz", row, ofOvz.get(row)));
        v.cell("spo_by_form", "all", "full_time", all.get("spo")).cell("spo_by_form", "ovz", "full_time", ofOvz.get("spo"))
                .cell("spo_by_form", "all", "part_time", 0).cell("spo_by_form", "ovz", "part_time", 0)
                .cell("spo_by_form", "all", "distance", 0).cell("spo_by_form", "ovz", "distance", 0);
        return v.map();
    }
}
