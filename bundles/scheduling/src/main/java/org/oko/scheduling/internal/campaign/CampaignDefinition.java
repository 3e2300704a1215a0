package org.oko.scheduling.internal.campaign;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oko.platform.api.security.Role;
import org.oko.scheduling.api.Deadline;
import org.oko.scheduling.api.Deadlines;
import org.oko.scheduling.api.ProductionCalendar;
import org.oko.scheduling.internal.Dates;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A campaign as data: a monitoring year (or one procedure's cycle) and its roadmap. A step is a
 * task with a responsible role, or the collection of one form in one period (a form collected twice
 * a year is two steps with two periods). Its deadline is a fixed date, or N working or calendar days
 * after another step or an event ({@code event:<name>}).
 *
 * @param confirmationWorkingDays the founder's letter is due this many working days after a form is
 *                                sent (seed 000: 5)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignDefinition(String code, String title, int year, Integer confirmationWorkingDays, List<Step> steps) {

    public static final int DEFAULT_CONFIRMATION_WORKING_DAYS = 5;
    private static final String CODE = "[0-9A-Za-z_.-]{1,40}";
    private static final String STEP_ID = "[0-9a-z_-]{1,60}";

    /**
     * @param form   the form collected by this step, with {@code period}: the period code its submissions carry
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String id, String title, Role responsible, Due deadline, String form, String period) {

        public boolean collectsForm() {
            return form != null;
        }
    }

    /** Exactly one of: {@code on}; {@code after} with {@code workingDays} or {@code calendarDays}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Due(String on, String after, Integer workingDays, Integer calendarDays) {

        Deadline rule() {
            if (on != null) {
                return new Deadline.On(Dates.parse(on));
            }
            return workingDays != null ? new Deadline.WorkingDaysAfter(after, workingDays) : new Deadline.CalendarDaysAfter(after, calendarDays);
        }
    }

    public int confirmationDays() {
        return confirmationWorkingDays == null ? DEFAULT_CONFIRMATION_WORKING_DAYS : confirmationWorkingDays;
    }

    public Step step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    public Map<String, Deadline> rules() {
        Map<String, Deadline> rules = new LinkedHashMap<>();
        steps.forEach(step -> rules.put(step.id(), step.deadline().rule()));
        return rules;
    }

    /** Every problem of the definition, in Russian and English; empty when it can be saved. */
    public List<String> problems(ProductionCalendar calendar) {
        List<String> problems = new ArrayList<>();
        if (code == null || !code.matches(CODE)) {
            problems.add(problem("code", "campaign.problem.code"));
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            problems.add(problem("title", "campaign.problem.title"));
        }
        if (year < 2000 || year > 2100) {
            problems.add(problem("year", "campaign.problem.year"));
        }
        if (confirmationWorkingDays != null && (confirmationWorkingDays < 0 || confirmationWorkingDays > 60)) {
            problems.add(problem("confirmationWorkingDays", "campaign.problem.confirmation-days"));
        }
        if (steps == null || steps.isEmpty()) {
            problems.add(problem("steps", "campaign.problem.no-steps"));
            return problems;
        }
        Set<String> ids = new HashSet<>();
        Set<String> formPeriods = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = "steps[" + i + "]";
            if (step == null) {
                problems.add(problem(at, "campaign.problem.empty-step"));
                continue;
            }
            if (step.id() == null || !step.id().matches(STEP_ID)) {
                problems.add(problem(at + ".id", "campaign.problem.step-id"));
            } else if (!ids.add(step.id())) {
                problems.add(problem(at + ".id", "campaign.problem.duplicate-step", step.id()));
            }
            if (step.title() == null || step.title().isBlank()) {
                problems.add(problem(at + ".title", "campaign.problem.step-title"));
            }
            if (step.responsible() == null) {
                problems.add(problem(at + ".responsible", "campaign.problem.responsible"));
            }
            if ((step.form() == null) != (step.period() == null)) {
                problems.add(problem(at, "campaign.problem.form-and-period"));
            } else if (step.form() != null) {
                if (!step.period().matches(CODE)) {
                    problems.add(problem(at + ".period", "campaign.problem.period"));
                }
                if (!formPeriods.add(step.form() + "|" + step.period())) {
                    problems.add(problem(at, "campaign.problem.collected-twice", step.form(), step.period()));
                }
            }
            problems.addAll(dueProblems(at + ".deadline", step.deadline()));
        }
        if (problems.isEmpty()) {
            try {
                Deadlines.resolve(rules(), Map.of(), calendar);
            } catch (IllegalArgumentException e) {
                problems.add("steps: " + e.getMessage());
            }
        }
        return problems;
    }

    /** A problem of the field {@code at}: "steps[0]: пустой шаг / an empty step". */
    private static String problem(String at, String key, Object... arguments) {
        return at + ": " + TEXTS.text(key, arguments).joined();
    }

    private static List<String> dueProblems(String at, Due due) {
        List<String> problems = new ArrayList<>();
        if (due == null) {
            problems.add(problem(at, "campaign.problem.no-deadline"));
            return problems;
        }
        if (due.on() != null) {
            if (due.after() != null || due.workingDays() != null || due.calendarDays() != null) {
                problems.add(problem(at, "campaign.problem.date-or-term"));
            }
            try {
                Dates.parse(due.on());
            } catch (IllegalArgumentException e) {
                problems.add(at + ".on: " + e.getMessage());
            }
        } else if (due.after() == null || due.after().isBlank()) {
            problems.add(problem(at, "campaign.problem.on-or-after"));
        } else if ((due.workingDays() == null) == (due.calendarDays() == null)) {
            problems.add(problem(at, "campaign.problem.days-kind"));
        } else if ((due.workingDays() != null ? due.workingDays() : due.calendarDays()) < 0
                || (due.workingDays() != null ? due.workingDays() : due.calendarDays()) > 366) {
            problems.add(problem(at, "campaign.problem.days-range"));
        }
        return problems;
    }

    /**
     * The same roadmap a number of years later: fixed dates move by whole years (29 February becomes
     * the 28th), period codes and the title have the year replaced; relative deadlines stay relative.
     */
    public CampaignDefinition copyTo(String newCode, int newYear, String newTitle) {
        int shift = newYear - year;
        String from = String.valueOf(year);
        String to = String.valueOf(newYear);
        List<Step> copied = new ArrayList<>();
        for (Step step : steps) {
            Due due = step.deadline();
            Due moved = due.on() == null ? due : new Due(Dates.parse(due.on()).plusYears(shift).toString(), null, null, null);
            copied.add(new Step(step.id(), step.title(), step.responsible(), moved, step.form(),
                    step.period() == null ? null : step.period().contains(from) ? step.period().replace(from, to) : step.period() + "-" + to));
        }
        String title = newTitle != null && !newTitle.isBlank() ? newTitle : this.title.replace(from, to);
        return new CampaignDefinition(newCode, title, newYear, confirmationWorkingDays, copied);
    }
}
