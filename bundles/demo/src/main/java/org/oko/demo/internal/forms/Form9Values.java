package org.oko.demo.internal.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** МИАС form 9 «Индивидуализация»: individual plans, profiles, in-depth classes and networks — fewer in the country. */
public final class Form9Values implements FormValues {

    private static final String[] PROFILES = {"natural_science", "technological", "social_economic", "humanitarian", "universal"};
    private static final String[] DIRECTIONS = {"technical", "natural_science", "sport", "art", "tourism", "social_humanitarian"};

    @Override
    public String form() {
        return "miac-9";
    }

    @Override
    public String returnComment() {
        return "Распределение по профилям не совпадает с численностью 10–11 классов";
    }

    @Override
    public Map<String, Object> values(SchoolProfile s, Random random) {
        Values v = new Values(random);
        int pupils = s.pupilsTotal();
        double individual = SchoolProfile.clamp(0.02 + 0.015 * s.strength() + (s.rural() ? -0.01 : 0.01), 0, 0.1);
        v.put("pupils_total", pupils);
        double[] byLevel = {individual * 0.3, individual, individual * 5};
        for (int level = 0; level < 3; level++) {
            String row = SchoolProfile.LEVELS[level];
            v.cell("individual_plans", "pupils", row, s.levelPupils(level)).cell("individual_plans", "individual", row,
                    Values.part(s.levelPupils(level), Math.min(0.6, byLevel[level] * v.share(0.7, 1.3))));
        }
        // Every pupil of grades 10–11 is in a profile: universal in the country, two or three profiles in town.
        int soo = s.levelPupils(2);
        int[] profiles = new int[PROFILES.length];
        if (s.rural() || soo < 40) {
            profiles[4] = soo;
        } else {
            int first = v.between(1, 3);
            profiles[first] = soo / 2;
            profiles[0] = soo / 4;
            profiles[4] = soo - profiles[first] - profiles[0];
        }
        for (int i = 0; i < PROFILES.length; i++) {
            v.cell("profile_classes", "pupils", PROFILES[i], profiles[i]);
        }
        boolean inDepth = !s.rural() && s.strength() > -0.5;
        int inDepthClasses = inDepth ? v.between(1, 2 + s.classesTotal() / 8) : 0;
        v.put("in_depth_classes", inDepthClasses).put("in_depth_pupils", Math.min(pupils, inDepthClasses * v.between(18, 25)));
        boolean network = v.chance(s.rural() ? 0.5 : 0.7);
        v.put("network_used", network);
        if (network) {
            List<String> partners = new ArrayList<>(List.of(v.pick(List.of("prof", "additional", "schools"))));
            if (!s.rural() && v.chance(0.5)) {
                partners.add(v.pick(List.of("higher", "science", "enterprises")));
            }
            v.put("network_programmes", v.between(1, 5)).put("network_pupils", Values.part(pupils, v.share(0.03, 0.15)) + 1).put("network_partners", partners);
        }
        int added = Math.max(1, Values.part(pupils, SchoolProfile.clamp(0.45 + 0.1 * s.strength() + s.drift(0.03), 0.1, 0.9)));
        v.put("add_ed_programmes", v.between(3, 6 + pupils / 40)).put("add_ed_pupils", added);
        int left = added;
        for (int i = 0; i < DIRECTIONS.length; i++) {
            int here = i == DIRECTIONS.length - 1 ? left : Values.part(left, v.share(0.1, 0.35));
            left -= here;
            v.cell("add_ed_by_direction", "pupils", DIRECTIONS[i], here);
        }
        int tutors = s.weak() ? 0 : v.between(0, 1 + pupils / 400);
        v.put("olympiad_prep_pupils", Values.part(pupils, SchoolProfile.clamp(0.1 + 0.05 * s.strength(), 0.01, 0.3)))
                .put("gifted_individual_routes", Values.part(pupils, v.share(0, 0.03))).put("profile_shift_pupils", Values.part(soo, v.share(0, 0.2)))
                .put("tutors", tutors).put("tutored_pupils", tutors == 0 ? 0 : tutors * v.between(3, 12));
        for (int level = 0; level < 3; level++) {
            String row = SchoolProfile.LEVELS[level];
            v.cell("ovz", "ovz", row, s.ovz(level)).cell("ovz", "adapted", row, Values.part(s.ovz(level), v.share(0.6, 1)));
        }
        return v.map();
    }
}
