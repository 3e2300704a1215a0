package org.oko.gto.internal.norms;

import static org.oko.gto.internal.GtoTexts.TEXTS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.oko.platform.api.specs.JsonSpecType;

/**
 * One edition of the ГТО norms tables as the order gives them (kind {@value NormsType#KIND}): by age
 * stage, the events with their physical quality and the bronze, silver and gold thresholds for boys
 * and girls, the qualities every badge needs and how many tests each badge needs. A region publishes
 * its own edition as a new version or a new key; results are judged by the edition in force on the
 * test date ({@link NormsBook}).
 *
 * @param key       the edition, e.g. "federal-2023"
 * @param validFrom the first test date the edition applies to, ISO (2023-09-01)
 * @param ageOn     when the participant's age is taken to find the stage: {@value #TEST_DATE} (the
 *                  age on the day of the test) or {@value #YEAR_END} (the age reached by 31 December
 *                  of the test's year)
 * @param source    the order the values were entered from, for whoever checks them
 */
public record Norms(String key, int version, String title, String source, String validFrom, String ageOn, List<Stage> stages)
        implements JsonSpecType.Checked {

    public static final String TEST_DATE = "test-date";
    public static final String YEAR_END = "year-end";

    /**
     * An age stage (ступень).
     *
     * @param badges    tests a badge needs in all, by level ("bronze", "silver", "gold")
     * @param mandatory the qualities every badge needs one passed test of (скоростные возможности, выносливость, сила, гибкость)
     */
    public record Stage(int stage, int minAge, int maxAge, Map<String, Integer> badges, List<String> mandatory, List<Event> events) {

        public Optional<Event> event(String code) {
            return events.stream().filter(e -> e.code().equals(code)).findFirst();
        }

        public int needed(Level level) {
            Integer tests = badges == null ? null : badges.get(level.code());
            return tests == null ? Integer.MAX_VALUE : tests;
        }
    }

    /**
     * An event (испытание) of a stage.
     *
     * @param quality   the physical quality it tests, as the order's column names it
     * @param group     events of one group are alternatives: the best of them counts once (null: its own)
     * @param direction "lower" or "higher" is better; null: as the unit has it (times lower)
     * @param boys      thresholds by level, as the order writes them ("7:17", 6.1, "+4"); absent or "-" where
     *                  the sex does not take the event
     */
    public record Event(String code, String name, String unit, String quality, String group, String direction,
                        Map<String, Object> boys, Map<String, Object> girls) {

        public Unit unitOf() {
            return Unit.of(unit);
        }

        public boolean lowerIsBetter() {
            return direction == null ? unitOf().lowerIsBetter() : direction.equals("lower");
        }

        /** The group its result counts in: its own code unless it is one of alternatives. */
        public String countsAs() {
            return group == null || group.isBlank() ? code : group;
        }

        /** The thresholds of a sex, by level; empty when that sex does not take the event. */
        public Map<Level, BigDecimal> thresholds(Sex sex) {
            Map<String, Object> written = sex == Sex.BOYS ? boys : girls;
            Map<Level, BigDecimal> thresholds = new EnumMap<>(Level.class);
            if (written == null) {
                return thresholds;
            }
            Unit parsing = unitOf();
            for (Level level : Level.values()) {
                BigDecimal value = parsing == null ? null : parsing.parse(written.get(level.code()));
                if (value != null) {
                    thresholds.put(level, value);
                }
            }
            return thresholds;
        }
    }

    public LocalDate validFromDate() {
        return LocalDate.parse(validFrom);
    }

    public Optional<Stage> stage(int number) {
        return stages.stream().filter(s -> s.stage() == number).findFirst();
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,59}")) {
            problems.add(TEXTS.ru("gto.norms.problem.key"));
        }
        if (version < 1) {
            problems.add(TEXTS.ru("gto.norms.problem.version"));
        }
        try {
            validFromDate();
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(TEXTS.ru("gto.norms.problem.valid-from"));
        }
        if (!TEST_DATE.equals(ageOn) && !YEAR_END.equals(ageOn)) {
            problems.add(TEXTS.ru("gto.norms.problem.age-on", TEST_DATE, YEAR_END));
        }
        if (stages == null || stages.isEmpty()) {
            problems.add(TEXTS.ru("gto.norms.problem.no-stages"));
            return problems;
        }
        Set<Integer> numbers = new HashSet<>();
        List<Stage> byAge = new ArrayList<>(stages);
        byAge.sort(java.util.Comparator.comparingInt(Stage::minAge));
        for (int i = 0; i < byAge.size(); i++) {
            Stage stage = byAge.get(i);
            String at = "stages[" + stage.stage() + "]";
            if (!numbers.add(stage.stage())) {
                problems.add(TEXTS.ru("gto.norms.problem.stage-twice", at));
            }
            if (stage.minAge() < 3 || stage.maxAge() < stage.minAge()) {
                problems.add(TEXTS.ru("gto.norms.problem.ages", at));
            } else if (i > 0 && stage.minAge() <= byAge.get(i - 1).maxAge()) {
                problems.add(TEXTS.ru("gto.norms.problem.ages-overlap", at));
            }
            stageProblems(stage, at, problems);
        }
        return problems;
    }

    private static void stageProblems(Stage stage, String at, List<String> problems) {
        if (stage.events() == null || stage.events().isEmpty()) {
            problems.add(TEXTS.ru("gto.norms.problem.no-events", at));
            return;
        }
        Set<String> qualities = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Event event : stage.events()) {
            String where = at + ".events[" + event.code() + "]";
            if (event.code() == null || !event.code().matches("[a-z0-9][a-z0-9-]{0,39}") || !codes.add(event.code())) {
                problems.add(TEXTS.ru("gto.norms.problem.event-code", where));
            }
            if (event.unitOf() == null) {
                problems.add(TEXTS.ru("gto.norms.problem.unit", where, "s, min:s, cm, m, km, count"));
                continue;
            }
            if (event.direction() != null && !event.direction().equals("lower") && !event.direction().equals("higher")) {
                problems.add(TEXTS.ru("gto.norms.problem.direction", where));
            }
            qualities.add(event.quality());
            for (Sex sex : Sex.values()) {
                Map<String, Object> written = sex == Sex.BOYS ? event.boys() : event.girls();
                Map<Level, BigDecimal> thresholds = event.thresholds(sex);
                long given = written == null ? 0 : written.values().stream().filter(v -> v != null && !"-".equals(v.toString().trim())).count();
                if (thresholds.size() != given || !thresholds.isEmpty() && thresholds.size() != Level.values().length) {
                    problems.add(TEXTS.ru("gto.norms.problem.thresholds", where, sex.name().toLowerCase(java.util.Locale.ROOT)));
                } else if (thresholds.size() == Level.values().length && !ordered(thresholds, event.lowerIsBetter())) {
                    problems.add(TEXTS.ru("gto.norms.problem.order", where, sex.name().toLowerCase(java.util.Locale.ROOT)));
                }
            }
        }
        for (String quality : stage.mandatory() == null ? List.<String>of() : stage.mandatory()) {
            if (!qualities.contains(quality)) {
                problems.add(TEXTS.ru("gto.norms.problem.mandatory", at, quality));
            }
        }
        int mandatory = stage.mandatory() == null ? 0 : stage.mandatory().size();
        int previous = 0;
        for (Level level : Level.values()) {
            int needed = stage.needed(level);
            if (needed == Integer.MAX_VALUE || needed < mandatory || needed < previous) {
                problems.add(TEXTS.ru("gto.norms.problem.badges", at, level.code(), mandatory));
            } else {
                previous = needed;
            }
        }
    }

    /** Gold asks the most, bronze the least (or the same). */
    private static boolean ordered(Map<Level, BigDecimal> thresholds, boolean lowerIsBetter) {
        BigDecimal bronze = thresholds.get(Level.BRONZE);
        BigDecimal silver = thresholds.get(Level.SILVER);
        BigDecimal gold = thresholds.get(Level.GOLD);
        return lowerIsBetter ? gold.compareTo(silver) <= 0 && silver.compareTo(bronze) <= 0
                : gold.compareTo(silver) >= 0 && silver.compareTo(bronze) >= 0;
    }
}
