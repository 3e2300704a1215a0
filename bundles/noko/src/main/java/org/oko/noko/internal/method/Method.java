package org.oko.noko.internal.method;

import static org.oko.noko.internal.NokoTexts.TEXTS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.oko.platform.api.specs.JsonSpecType;

/**
 * The assessment method as data (kind {@value MethodType#KIND}): the operator's checklists, the questionnaire,
 * the five criteria with their weighted indicators and the formula of each, and the bands of the total score. A
 * region changes weights, items or questions by publishing a newer version; a campaign keeps the version it
 * started with.
 */
public record Method(String key, int version, String title, String source, List<Checklist> checklists, Questionnaire questionnaire,
                     List<Questionnaire> questionnaires, List<Criterion> criteria, List<Band> bands) implements JsonSpecType.Checked {

    /** Present items' share of each listed checklist, averaged, × 100 (indicator 1.1). */
    public static final String SHARE_PRESENT = "share-present";
    /** {@code points} for each present item of the checklists, at most 100 (1.2, 2.1, 3.1, 3.2). */
    public static final String POINTS = "points";
    /** The share of respondents who answered yes, × 100, averaged over the parts (1.3, 2.3, 3.3, 4.x, 5.x). */
    public static final String SURVEY = "survey";

    public record Checklist(String code, String name, List<Item> items) {
    }

    public record Item(String code, String name) {
    }

    /**
     * A questionnaire; {@code kinds}: the catalog's kinds of organisation it is for (SCHOOL, OTHER…), for the
     * questionnaires of particular types beside the method's default one.
     */
    public record Questionnaire(String title, List<String> kinds, List<Question> questions) {
    }

    /** The questionnaire for an organisation of a kind: its own type's where the method has one, else the default. */
    public Questionnaire questionnaireFor(String kind) {
        return (questionnaires == null ? List.<Questionnaire>of() : questionnaires).stream()
                .filter(q -> q.kinds() != null && q.kinds().contains(kind)).findFirst().orElse(questionnaire);
    }

    /** A yes/no question; {@code askIf}: asked only of those who answered yes to that question. */
    public record Question(String code, String text, String askIf) {
    }

    public record Criterion(String code, String name, List<Indicator> indicators) {
    }

    /**
     * @param parts for a survey indicator: each part the yes answers to {@code yes} among those who answered yes to
     *              {@code of} (everyone when null)
     */
    public record Indicator(String code, String name, double weight, String kind, List<String> checklists, Integer points, List<Part> parts) {
    }

    public record Part(String yes, String of) {
    }

    /** A band of the total score: from this score up to the next band's. */
    public record Band(double from, String name) {
    }

    public Optional<Checklist> checklist(String code) {
        return checklists.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Every item of every checklist, each once. */
    public List<Item> items() {
        return checklists.stream().flatMap(c -> c.items().stream()).toList();
    }

    /** The band of a total score. */
    public String band(double score) {
        return bands.stream().filter(b -> score >= b.from()).max(java.util.Comparator.comparingDouble(Band::from)).map(Band::name).orElse("");
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            problems.add(TEXTS.ru("noko.method.problem.key"));
        }
        if (version < 1) {
            problems.add(TEXTS.ru("noko.method.problem.version"));
        }
        Set<String> lists = new HashSet<>();
        Set<String> items = new HashSet<>();
        for (Checklist list : checklists == null ? List.<Checklist>of() : checklists) {
            if (list.code() == null || !lists.add(list.code()) || list.items() == null || list.items().isEmpty()) {
                problems.add(TEXTS.ru("noko.method.problem.checklist", String.valueOf(list.code())));
                continue;
            }
            list.items().forEach(item -> {
                if (item.code() == null || !item.code().matches("[a-z0-9][a-z0-9-]{0,39}") || !items.add(item.code())) {
                    problems.add(TEXTS.ru("noko.method.problem.item", list.code(), String.valueOf(item.code())));
                }
            });
        }
        Set<String> questions = questionProblems(questionnaire, problems);
        if (questions.isEmpty()) {
            problems.add(TEXTS.ru("noko.method.problem.no-questions"));
        }
        // Another type's questionnaire asks every question the indicators count, so that its answers score the same way.
        List<Set<String>> others = new ArrayList<>();
        for (Questionnaire other : questionnaires == null ? List.<Questionnaire>of() : questionnaires) {
            if (other.kinds() == null || other.kinds().isEmpty()) {
                problems.add(TEXTS.ru("noko.method.problem.kinds", String.valueOf(other.title())));
            }
            others.add(questionProblems(other, problems));
        }
        if (criteria == null || criteria.isEmpty()) {
            problems.add(TEXTS.ru("noko.method.problem.no-criteria"));
        } else {
            for (Criterion criterion : criteria) {
                double weights = 0;
                for (Indicator indicator : criterion.indicators() == null ? List.<Indicator>of() : criterion.indicators()) {
                    weights += indicator.weight();
                    indicatorProblems(indicator, lists, questions, problems);
                }
                if (Math.abs(weights - 1) > 0.0001) {
                    problems.add(TEXTS.ru("noko.method.problem.weights", criterion.code()));
                }
            }
        }
        Set<String> counted = new HashSet<>();
        (criteria == null ? List.<Criterion>of() : criteria).forEach(c -> (c.indicators() == null ? List.<Indicator>of() : c.indicators())
                .forEach(i -> (i.parts() == null ? List.<Part>of() : i.parts()).forEach(p -> {
                    counted.add(p.yes());
                    if (p.of() != null) {
                        counted.add(p.of());
                    }
                })));
        for (int i = 0; i < others.size(); i++) {
            if (!others.get(i).containsAll(counted)) {
                problems.add(TEXTS.ru("noko.method.problem.type-questions", String.valueOf(questionnaires.get(i).title())));
            }
        }
        if (bands == null || bands.stream().noneMatch(b -> b.from() <= 0)) {
            problems.add(TEXTS.ru("noko.method.problem.bands"));
        }
        return problems;
    }

    /** A questionnaire's question codes, each problem of its questions named. */
    private static Set<String> questionProblems(Questionnaire questionnaire, List<String> problems) {
        Set<String> questions = new HashSet<>();
        for (Question q : questionnaire == null || questionnaire.questions() == null ? List.<Question>of() : questionnaire.questions()) {
            if (q.code() == null || !q.code().matches("[a-z0-9][a-z0-9-]{0,19}") || questions.contains(q.code())) {
                problems.add(TEXTS.ru("noko.method.problem.question", String.valueOf(q.code())));
            } else if (q.askIf() != null && !questions.contains(q.askIf())) {
                problems.add(TEXTS.ru("noko.method.problem.ask-if", q.code(), q.askIf()));
            }
            questions.add(q.code());
        }
        return questions;
    }

    private static void indicatorProblems(Indicator indicator, Set<String> lists, Set<String> questions, List<String> problems) {
        String at = indicator.code();
        switch (indicator.kind() == null ? "" : indicator.kind()) {
            case SHARE_PRESENT, POINTS -> {
                if (indicator.checklists() == null || indicator.checklists().isEmpty() || !lists.containsAll(indicator.checklists())) {
                    problems.add(TEXTS.ru("noko.method.problem.indicator-lists", at));
                }
                if (POINTS.equals(indicator.kind()) && (indicator.points() == null || indicator.points() <= 0)) {
                    problems.add(TEXTS.ru("noko.method.problem.points", at));
                }
            }
            case SURVEY -> {
                if (indicator.parts() == null || indicator.parts().isEmpty() || indicator.parts().stream()
                        .anyMatch(p -> !questions.contains(p.yes()) || p.of() != null && !questions.contains(p.of()))) {
                    problems.add(TEXTS.ru("noko.method.problem.parts", at));
                }
            }
            default -> problems.add(TEXTS.ru("noko.method.problem.kind", at, String.join(", ", SHARE_PRESENT, POINTS, SURVEY)));
        }
    }
}
