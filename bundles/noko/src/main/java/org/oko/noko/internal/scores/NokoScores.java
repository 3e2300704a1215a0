package org.oko.noko.internal.scores;

import static org.oko.noko.internal.NokoTexts.TEXTS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.noko.internal.NokoData;
import org.oko.noko.internal.campaign.Campaign;
import org.oko.noko.internal.campaign.NokoCampaigns;
import org.oko.noko.internal.method.Method;
import org.oko.noko.internal.method.Methods;
import org.oko.noko.internal.store.CheckStore;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A campaign's results: each organisation's indicators, criteria and score ({@link Scoring}) from the answers and
 * the checks, marked unreliable below the minimum of respondents; the region's and each territory's means and the
 * ratings. The centre, the ministry and the operator read every organisation, a founder and an observer what they
 * are assigned, a school its own once the results are published — never the answers themselves.
 */
@Component(service = NokoScores.class)
public class NokoScores {

    @Reference
    private NokoData data;

    @Reference
    private NokoCampaigns campaigns;

    @Reference
    private Methods methods;

    @Reference
    private CatalogService catalog;

    /** An organisation's result with its place: in the region and in its territory (1 = best). */
    public record Line(String organisation, String name, String territory, String inn, Scoring.Result result, Integer regionRank,
                       Integer territoryRank) {
    }

    /** A campaign's results as the caller may read them, the best first. */
    public record Results(Campaign campaign, Method method, List<Line> lines) {
    }

    public Results results(int year) throws Exception {
        Caller caller = CallerContext.require(NokoCampaigns.READERS);
        Results all = all(year);
        boolean everyone = caller.hasAnyRole(NokoCampaigns.CENTRE) || caller.hasAnyRole(Role.MINISTRY_OFFICIAL)
                || NokoCampaigns.operator(caller, all.campaign());
        // A school reads its own results once they are published; founders and observers what they are assigned.
        boolean own = Campaign.PUBLISHED.equals(all.campaign().state()) || caller.hasAnyRole(Role.FOUNDER_COORDINATOR, Role.OBSERVER);
        return new Results(all.campaign(), all.method(), all.lines().stream()
                .filter(l -> everyone || own && caller.scope().contains(l.organisation())).toList());
    }

    /** Every organisation's result, ranked; for the caller's filter and for the public page (which checks publication). */
    public Results all(int year) throws Exception {
        Campaign campaign = data.campaigns().find(year).orElseThrow(() -> TEXTS.refusal(
                org.oko.platform.api.rest.ApiException.Kind.NOT_FOUND, "noko.no-such-campaign", String.valueOf(year)));
        Method method = methods.version(campaign.methodKey(), campaign.methodVersion()).orElseThrow();
        Map<String, Organisation> schools = catalog.regionSchools();
        Map<String, List<Map<String, Boolean>>> answers = data.answers().answers(year);
        Map<String, Map<String, CheckStore.Check>> checks = data.checks().all(year);
        int min = data.settings().min_respondents();
        List<Line> lines = new ArrayList<>();
        for (String code : data.campaigns().targets(year).keySet()) {
            Set<String> present = new HashSet<>();
            checks.getOrDefault(code, Map.of()).values().stream().filter(CheckStore.Check::present).forEach(c -> present.add(c.item()));
            Organisation school = schools.get(code);
            lines.add(new Line(code, school == null ? code : school.fullName(), school == null ? null : school.territoryCode(),
                    school == null ? null : school.inn(), Scoring.score(method, code, answers.getOrDefault(code, List.of()), present, min), null, null));
        }
        return new Results(campaign, method, rank(lines));
    }

    /** Places by score, the best first; equal scores share a place; organisations without a score have none. */
    static List<Line> rank(List<Line> lines) {
        Comparator<Line> byScore = Comparator.comparing((Line l) -> l.result().total(), Comparator.nullsLast(Comparator.reverseOrder()));
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(byScore.thenComparing(Line::organisation));
        Map<String, Integer> region = places(sorted);
        Map<String, List<Line>> byTerritory = new TreeMap<>();
        sorted.forEach(l -> byTerritory.computeIfAbsent(l.territory() == null ? "" : l.territory(), t -> new ArrayList<>()).add(l));
        Map<String, Integer> territory = new LinkedHashMap<>();
        byTerritory.values().forEach(list -> territory.putAll(places(list)));
        return sorted.stream().map(l -> new Line(l.organisation(), l.name(), l.territory(), l.inn(), l.result(), region.get(l.organisation()),
                territory.get(l.organisation()))).toList();
    }

    private static Map<String, Integer> places(List<Line> sorted) {
        Map<String, Integer> places = new LinkedHashMap<>();
        BigDecimal previous = null;
        int place = 0;
        for (int i = 0; i < sorted.size(); i++) {
            BigDecimal total = sorted.get(i).result().total();
            if (total == null) {
                continue;
            }
            if (previous == null || total.compareTo(previous) != 0) {
                place = i + 1;
                previous = total;
            }
            places.put(sorted.get(i).organisation(), place);
        }
        return places;
    }

    /** The mean score, criteria and respondents of a set of organisations (a territory, the region). */
    public record Summary(String territory, int organisations, int reliable, int respondents, BigDecimal score, Map<String, BigDecimal> criteria) {
    }

    /** The region's summary first, then each territory's. */
    public List<Summary> summaries(Results results) {
        List<Summary> summaries = new ArrayList<>();
        summaries.add(summary(null, results.lines()));
        Map<String, List<Line>> byTerritory = new TreeMap<>();
        results.lines().forEach(l -> byTerritory.computeIfAbsent(l.territory() == null ? "—" : l.territory(), t -> new ArrayList<>()).add(l));
        byTerritory.forEach((territory, lines) -> summaries.add(summary(territory, lines)));
        return summaries;
    }

    private static Summary summary(String territory, List<Line> lines) {
        Map<String, BigDecimal> criteria = new LinkedHashMap<>();
        lines.stream().findFirst().ifPresent(l -> l.result().criteria().keySet().forEach(k -> criteria.put(k, mean(lines.stream()
                .map(x -> x.result().criteria().get(k)).toList()))));
        return new Summary(territory, lines.size(), (int) lines.stream().filter(l -> l.result().reliable()).count(),
                lines.stream().mapToInt(l -> l.result().respondents()).sum(), mean(lines.stream().map(l -> l.result().total()).toList()), criteria);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        List<BigDecimal> known = values.stream().filter(java.util.Objects::nonNull).toList();
        return known.isEmpty() ? null : known.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(known.size()), 2,
                RoundingMode.HALF_UP);
    }
}
