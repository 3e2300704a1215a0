package org.oko.scheduling.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a roadmap's deadlines: steps that depend on other steps or on events, in any order, with
 * cycles refused. A step whose chain leads to an event not recorded yet has no deadline yet.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * @param steps  step id → its deadline rule
     * @param events event name → the date it was recorded (events not yet recorded are absent)
     * @return step id → its date, or empty while it waits for an event
     * @throws IllegalArgumentException naming a cycle or a reference to nothing
     */
    public static Map<String, Optional<LocalDate>> resolve(Map<String, Deadline> steps, Map<String, LocalDate> events,
                                                           ProductionCalendar calendar) {
        Map<String, Optional<LocalDate>> resolved = new HashMap<>();
        for (String step : steps.keySet()) {
            resolve(step, steps, events, calendar, resolved, new ArrayList<>());
        }
        Map<String, Optional<LocalDate>> ordered = new LinkedHashMap<>();
        steps.keySet().forEach(step -> ordered.put(step, resolved.get(step)));
        return ordered;
    }

    private static Optional<LocalDate> resolve(String step, Map<String, Deadline> steps, Map<String, LocalDate> events,
                                               ProductionCalendar calendar, Map<String, Optional<LocalDate>> resolved,
                                               List<String> path) {
        if (resolved.containsKey(step)) {
            return resolved.get(step);
        }
        if (path.contains(step)) {
            path.add(step);
            throw new IllegalArgumentException("the deadlines form a cycle: " + String.join(" → ", path));
        }
        path.add(step);
        Deadline rule = steps.get(step);
        Optional<LocalDate> date;
        if (rule instanceof Deadline.On on) {
            date = Optional.of(on.date());
        } else if (rule instanceof Deadline.CalendarDaysAfter after) {
            date = start(after.after(), steps, events, calendar, resolved, path).map(d -> calendar.plusCalendarDays(d, after.days()));
        } else {
            Deadline.WorkingDaysAfter after = (Deadline.WorkingDaysAfter) rule;
            date = start(after.after(), steps, events, calendar, resolved, path).map(d -> calendar.plusWorkingDays(d, after.days()));
        }
        path.remove(path.size() - 1);
        resolved.put(step, date);
        return date;
    }

    private static Optional<LocalDate> start(String reference, Map<String, Deadline> steps, Map<String, LocalDate> events,
                                             ProductionCalendar calendar, Map<String, Optional<LocalDate>> resolved, List<String> path) {
        if (steps.containsKey(reference)) {
            return resolve(reference, steps, events, calendar, resolved, path);
        }
        if (events.containsKey(reference)) {
            return Optional.of(events.get(reference));
        }
        if (reference.startsWith("event:")) {
            return Optional.empty(); // an event not recorded yet: the clock has not started
        }
        throw new IllegalArgumentException("'" + reference + "' is neither a step nor an event (events are written event:<name>)");
    }
}
