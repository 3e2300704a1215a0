package org.oko.vpr.internal.remarking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.oko.vpr.internal.spec.TestSpec;

/**
 * What re-marking found (seed 004): per school, per expert and per task, how the experts' scores
 * differ from the school's. Pure: works in, figures out. Differences are expert − original, so a
 * negative mean says the school marked too generously.
 */
public final class RemarkReport {

    /** One work: scores as the school marked them and as the expert re-marked them (null until done). */
    public record Work(String school, String expert, byte[] original, byte[] remarked) {
    }

    public record Group(String key, int assigned, int done, BigDecimal meanOriginal, BigDecimal meanRemarked, BigDecimal meanDifference,
                        int marksChanged, BigDecimal marksChangedShare) {
    }

    public record TaskLine(String task, int max, BigDecimal meanOriginal, BigDecimal meanRemarked, BigDecimal meanDifference) {
    }

    public record Report(List<Group> schools, List<Group> experts, List<TaskLine> tasks, Group total) {
    }

    private RemarkReport() {
    }

    public static Report of(TestSpec spec, List<Work> works) {
        Map<String, List<Work>> bySchool = new TreeMap<>();
        Map<String, List<Work>> byExpert = new TreeMap<>();
        for (Work work : works) {
            bySchool.computeIfAbsent(work.school(), k -> new ArrayList<>()).add(work);
            byExpert.computeIfAbsent(work.expert(), k -> new ArrayList<>()).add(work);
        }
        List<Group> schools = bySchool.entrySet().stream().map(e -> group(spec, e.getKey(), e.getValue())).toList();
        List<Group> experts = byExpert.entrySet().stream().map(e -> group(spec, e.getKey(), e.getValue())).toList();
        List<TaskLine> tasks = new ArrayList<>();
        List<Work> done = works.stream().filter(w -> w.remarked() != null).toList();
        for (int i = 0; i < spec.tasks().size(); i++) {
            long original = 0;
            long remarked = 0;
            for (Work work : done) {
                original += work.original()[i];
                remarked += work.remarked()[i];
            }
            tasks.add(new TaskLine(spec.tasks().get(i).label(), spec.tasks().get(i).max(), mean(original, done.size()),
                    mean(remarked, done.size()), mean(remarked - original, done.size())));
        }
        return new Report(schools, experts, tasks, group(spec, "total", works));
    }

    private static Group group(TestSpec spec, String key, List<Work> works) {
        long original = 0;
        long remarked = 0;
        int done = 0;
        int changed = 0;
        for (Work work : works) {
            if (work.remarked() == null) {
                continue;
            }
            done++;
            int before = sum(work.original());
            int after = sum(work.remarked());
            original += before;
            remarked += after;
            if (spec.scale().markFor(before) != spec.scale().markFor(after)) {
                changed++;
            }
        }
        return new Group(key, works.size(), done, mean(original, done), mean(remarked, done), mean(remarked - original, done), changed,
                done == 0 ? null : BigDecimal.valueOf(changed * 100L).divide(BigDecimal.valueOf(done), 1, RoundingMode.HALF_UP));
    }

    private static int sum(byte[] scores) {
        int sum = 0;
        for (byte score : scores) {
            sum += score;
        }
        return sum;
    }

    private static BigDecimal mean(long sum, int count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
