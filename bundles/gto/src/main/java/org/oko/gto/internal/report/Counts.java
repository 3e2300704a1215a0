package org.oko.gto.internal.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.results.Participant;
import org.oko.procedure.api.Levels;

/**
 * A year's tests folded per school, territory and region with the kit's {@link Levels}. A student —
 * a participant code of a school — tested several times counts once: registered if any test gave the
 * ГТО ID, at the stage and sex of the latest test, with the best badge of all.
 */
public final class Counts {

    private Counts() {
    }

    private static final class Student {
        boolean withId;
        Participant latest;
        Level best;
    }

    /** @param territoryOf a school's territory code, or null when the catalog does not place it */
    public static Levels<Tally> of(Iterable<Participant> tests, Function<String, String> territoryOf) {
        Map<String, Student> students = new LinkedHashMap<>();
        for (Participant test : tests) {
            Student student = students.computeIfAbsent(test.school() + "|" + test.code(), k -> new Student());
            student.withId |= test.gtoId() != null;
            if (student.latest == null || test.testDate().isAfter(student.latest.testDate())) {
                student.latest = test;
            }
            Level badge = test.assessment().badge();
            if (badge != null && (student.best == null || badge.compareTo(student.best) > 0)) {
                student.best = badge;
            }
        }
        Levels<Tally> levels = new Levels<>(Tally::new, territoryOf);
        students.values().stream().sorted(Comparator.comparing(s -> s.latest.school())).forEach(student ->
                levels.add(student.latest.school(), tally -> tally.add(student.withId, student.latest.assessment().stage(),
                        student.latest.sex(), student.best)));
        return levels;
    }
}
