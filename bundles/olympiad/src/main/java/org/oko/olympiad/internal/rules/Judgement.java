package org.oko.olympiad.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.oko.olympiad.internal.year.OlympiadYear;

/**
 * The statuses of a year's participations: computed by the organisers' rules ({@link Awards}) for every
 * ranking whose maximum score is set, and the file's own status kept where the file gave one — an
 * organiser's protocol is the record; where it differs from the rules it is listed, never overwritten.
 * Pure: the year, its participations, the scores and the schools' territories in.
 */
public final class Judgement {

    /** A file's status the rules would not give. */
    public record Disagreement(Participation participation, Status file, Status computed) {
    }

    /**
     * A ranking the rules could not decide in full.
     *
     * @param unit   the school or territory code ranked within, "" for the region
     * @param reason {@code no-max}: its maximum score is not set; {@code quota-edge}: participants share a
     *               score across the quota's edge (the jury's decision)
     */
    public record Undecided(String stage, String subject, int grade, String unit, String reason, int participations) {
    }

    private final Map<String, Status> computed = new HashMap<>();
    private final Map<String, Status> statuses = new HashMap<>();
    private final List<Disagreement> disagreements = new ArrayList<>();
    private final List<Undecided> undecided = new ArrayList<>();

    private Judgement() {
    }

    /** @param territoryOf a school's territory code, null when the catalog does not place it */
    public static Judgement of(OlympiadYear year, List<Participation> participations, Scores scores, Function<String, String> territoryOf) {
        Judgement judged = new Judgement();
        Map<String, List<Participation>> rankings = new LinkedHashMap<>();
        for (Participation p : participations) {
            OlympiadYear.Stage stage = year.stage(p.stage()).orElse(null);
            if (stage != null && stage.ranked()) {
                rankings.computeIfAbsent(p.stage() + "|" + p.subject() + "|" + p.grade() + "|" + unit(stage, p, territoryOf),
                        k -> new ArrayList<>()).add(p);
            }
        }
        rankings.forEach((key, ranking) -> {
            Participation first = ranking.get(0);
            OlympiadYear.Stage stage = year.stage(first.stage()).orElseThrow();
            String unit = unit(stage, first, territoryOf);
            String territory = switch (stage.rankWithin()) {
                case "school" -> territoryOf.apply(first.school());
                case "territory" -> unit;
                default -> Scores.REGION;
            };
            Optional<BigDecimal> max = scores.max(stage.code(), first.subject(), first.grade(), territory);
            if (max.isEmpty()) {
                judged.undecided.add(new Undecided(stage.code(), first.subject(), first.grade(), unit, "no-max", ranking.size()));
                return;
            }
            Awards.Ranking ranked = Awards.rank(ranking, max.get(), stage.quota(), stage.awardAbove());
            if (!ranked.atQuotaEdge().isEmpty()) {
                judged.undecided.add(new Undecided(stage.code(), first.subject(), first.grade(), unit, "quota-edge", ranked.atQuotaEdge().size()));
            }
            BigDecimal top = ranking.stream().map(Participation::score).max(BigDecimal::compareTo).orElseThrow();
            for (Participation p : ranking) {
                Status rule = ranked.statuses().get(p);
                judged.computed.put(p.key(), rule);
                if (p.fileStatus() == null || p.fileStatus() == rule) {
                    continue;
                }
                boolean juryMay = ranked.atQuotaEdge().contains(p)
                        && p.fileStatus().compareTo(ranked.highestOpen(p, p.score().compareTo(top) == 0)) <= 0;
                if (!juryMay) {
                    judged.disagreements.add(new Disagreement(p, p.fileStatus(), rule));
                }
            }
        });
        for (Participation p : participations) {
            Status status = p.fileStatus() != null ? p.fileStatus() : judged.computed.getOrDefault(p.key(), Status.PARTICIPANT);
            judged.statuses.put(p.key(), status);
        }
        return judged;
    }

    private static String unit(OlympiadYear.Stage stage, Participation p, Function<String, String> territoryOf) {
        return switch (stage.rankWithin()) {
            case "school" -> p.school();
            case "territory" -> {
                String territory = territoryOf.apply(p.school());
                yield territory == null ? "" : territory;
            }
            default -> "";
        };
    }

    /** The participation's status: the file's where it gave one, else the rules'; a participant where neither decides. */
    public Status status(Participation p) {
        return statuses.getOrDefault(p.key(), p.fileStatus() != null ? p.fileStatus() : Status.PARTICIPANT);
    }

    /** The status the rules give, empty where they could not (no maximum score, not ranked here). */
    public Optional<Status> computed(Participation p) {
        return Optional.ofNullable(computed.get(p.key()));
    }

    public List<Disagreement> disagreements() {
        return disagreements;
    }

    public List<Undecided> undecided() {
        return undecided;
    }
}
