package org.oko.vpr.internal.spec;

import java.util.List;

import org.oko.platform.api.specs.JsonSpecType;

/**
 * One ВПР test as data: a subject in a grade in a year, its tasks with their maximum scores and
 * the scale that turns a total primary score into the mark 2–5. Versioned: results remember the
 * version they were checked against.
 *
 * @param tasks  task labels as the federal files head their columns ("1", "2", "3.1", …) with maxima
 * @param scale  the lowest total primary score for the marks 3, 4 and 5
 */
public record TestSpec(int year, String subject, String subjectName, int grade, int version, List<Task> tasks, Scale scale)
        implements JsonSpecType.Checked {

    public record Task(String label, int max, Level level) {
    }

    /** The methodology's difficulty level: tasks of the basic level are the "easy" ones. */
    public enum Level { BASIC, ADVANCED, HIGH }

    public record Scale(int three, int four, int five) {

        public int markFor(int total) {
            return total >= five ? 5 : total >= four ? 4 : total >= three ? 3 : 2;
        }
    }

    public String key() {
        return year + "-" + subject + "-" + grade;
    }

    public int maxTotal() {
        return tasks.stream().mapToInt(Task::max).sum();
    }

    /** Problems with the spec itself; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        if (year < 2000 || year > 2100) {
            problems.add("year: " + year);
        }
        if (subject == null || !subject.matches("[a-z][a-z0-9_-]{0,30}")) {
            problems.add("subject: a code such as 'math' or 'rus'");
        }
        if (grade < 1 || grade > 11) {
            problems.add("grade: 1–11");
        }
        if (tasks == null || tasks.isEmpty()) {
            problems.add("tasks: at least one");
        } else {
            java.util.Set<String> labels = new java.util.HashSet<>();
            for (Task task : tasks) {
                if (task.label() == null || task.label().isBlank() || !labels.add(task.label())) {
                    problems.add("tasks: labels must be unique and not empty");
                }
                if (task.max() < 1 || task.max() > 50) {
                    problems.add("tasks[" + task.label() + "].max: 1–50");
                }
            }
        }
        if (scale == null || !(0 < scale.three() && scale.three() <= scale.four() && scale.four() <= scale.five())
                || tasks != null && scale.five() > maxTotal()) {
            problems.add("scale: 0 < three ≤ four ≤ five ≤ the maximum total");
        }
        return problems;
    }
}
