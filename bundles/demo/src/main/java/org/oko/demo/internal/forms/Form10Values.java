package org.oko.demo.internal.forms;

import java.util.Map;
import java.util.Random;

/** МИАС form 10 «Результаты диагностики»: the satisfaction survey of pupils (grades 4, 9, 11), parents and teachers. */
public final class Form10Values implements FormValues {

    private static final String[] TOPICS = {"teaching", "climate", "safety", "workload"};

    @Override
    public String form() {
        return "miac-10";
    }

    @Override
    public String returnComment() {
        return "Число опрошенных родителей больше числа приглашённых";
    }

    @Override
    public Map<String, Object> values(SchoolProfile s, Random random) {
        Values v = new Values(random);
        v.put("survey_mode", v.pick(java.util.List.of("paper", "online", "mixed"))).put("survey_anonymous", true).put("questionnaires_kept", true);
        int[] invited = {s.pupils(4), s.pupils(9), s.pupils(11), s.pupils(4) + s.pupils(9) + s.pupils(11), s.teachers()};
        String[] groups = {"pupils_4", "pupils_9", "pupils_11", "parents", "teachers"};
        int[] surveyed = new int[groups.length];
        for (int g = 0; g < groups.length; g++) {
            surveyed[g] = (int) Math.ceil(invited[g] * (g == 3 ? v.share(0.35, 0.8) : v.share(0.6, 0.98)));
            v.cell("respondents", "invited", groups[g], invited[g]).cell("respondents", "surveyed", groups[g], surveyed[g]);
        }
        double base = 72 + 6 * s.strength() + random.nextGaussian() * 4;
        for (String topic : TOPICS) {
            double offset = "workload".equals(topic) ? -12 : "safety".equals(topic) ? 8 : 0;
            for (int g = 0; g < groups.length; g++) {
                if (surveyed[g] > 0) { // shares only for the groups surveyed
                    v.cell("satisfaction", groups[g], topic, (double) Math.round(SchoolProfile.clamp(base + offset + random.nextGaussian() * 5, 25, 98)));
                }
            }
        }
        return v.map();
    }
}
