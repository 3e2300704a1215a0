package org.oko.demo.internal.forms;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** МИАС form 2 «Техническое состояние»: old and worn buildings in the country and at weak schools, fewer amenities there. */
public final class Form2Values implements FormValues {

    @Override
    public String form() {
        return "miac-2";
    }

    @Override
    public String returnComment() {
        return "Уточните износ основного здания по техническому паспорту";
    }

    @Override
    public Map<String, Object> values(SchoolProfile s, Random random) {
        Values v = new Values(random);
        int pupils = s.pupilsTotal();
        int buildings = pupils > 700 ? v.between(2, 3) : v.chance(s.rural() ? 0.15 : 0.3) ? 2 : 1;
        double area = pupils * (s.rural() ? v.share(11, 19) : v.share(6.5, 9.5)) + 400;
        double teaching = Math.min(area * 0.6, pupils * v.share(2.7, 3.6));
        v.put("pupils_total", pupils).put("has_branches", false).put("buildings_total", buildings)
                .put("buildings_rented", buildings > 1 && v.chance(0.15) ? 1 : 0).put("floor_area_total", area)
                .put("floor_area_teaching", teaching).put("floor_area_leased_out", v.chance(0.2) ? v.share(10, 60) : 0.0);
        int built = s.rural() ? v.between(1952, 1992) : v.between(1958, 2018) - (s.weak() ? 15 : 0);
        double wear = SchoolProfile.clamp((s.year() - built) * v.share(0.6, 1.0) - (s.strength() * 5) + s.yearsOn(), 4, 88);
        boolean repaired = s.year() - built > 20 && v.chance(0.6);
        int repairNeeded = wear >= 60 || v.chance(0.15) ? 1 : 0;
        v.put("main_building_year", built).put("main_building_wear", (int) Math.round(wear));
        if (repaired) {
            v.put("last_capital_repair_year", v.between(Math.max(built + 15, s.year() - 25), s.year() - 1));
        }
        v.put("buildings_capital_repair", repairNeeded).put("buildings_emergency", 0);
        boolean poor = s.rural() && s.weak();
        boolean water = !poor || v.chance(0.5);
        boolean sewerage = water && (!s.rural() || v.chance(0.8));
        v.put("heating_type", s.rural() ? v.pick(poor ? List.of("own_boiler", "stove") : List.of("own_boiler", "autonomous", "central")) : "central")
                .put("water_supply", water).put("hot_water", water && v.chance(0.85)).put("sewerage", sewerage).put("indoor_toilets", sewerage)
                .put("buildings_all_amenities", water && sewerage ? buildings - (buildings > 1 && v.chance(0.3) ? 1 : 0) : 0)
                .put("buildings_accessible", v.between(0, buildings));
        boolean video = !poor || v.chance(0.4);
        String guard = s.rural() ? v.pick(List.of("watchman", "watchman", "none")) : v.pick(List.of("private_security", "rosgvardia"));
        v.put("fire_alarm", true).put("fire_alarm_monitoring", v.chance(0.9)).put("video_surveillance", video);
        if (video) {
            v.put("cameras_count", 4 + pupils / v.between(30, 60));
        }
        v.put("alarm_button", "none".equals(guard) || v.chance(0.9)).put("guard", guard).put("fence", v.chance(0.9))
                .put("access_control", !s.rural() || v.chance(0.4));
        return v.map();
    }
}
