package org.oko.analytics.internal.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.oko.analytics.internal.AnalyticsService;
import org.oko.analytics.internal.AnalyticsSpecs;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.Territory;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.procedure.api.Flag;
import org.oko.procedure.api.FlagSource;
import org.oko.procedure.api.ResultsImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A year's risk flags: the rules over the year's indicators, the schools' cards and the signs of every procedure module
 * installed (whiteboard of {@link FlagSource}), listed per school and counted per territory within the reader's scope.
 */
@Component(service = AnalyticsFlags.class)
public class AnalyticsFlags {

    /** Who reads the flags: the centre, the ministry and founders within scope, never the school itself (as the modules' signs). */
    public static final Role[] READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL, Role.FOUNDER_COORDINATOR};

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsFlags.class);

    @Reference
    private AnalyticsService analytics;

    @Reference
    private AnalyticsSpecs specs;

    @Reference
    private CatalogService catalog;

    private final Map<String, FlagSource> sources = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(FlagSource source, Map<String, Object> properties) {
        sources.put(procedure(properties), source);
    }

    void removeSource(FlagSource source, Map<String, Object> properties) {
        sources.remove(procedure(properties), source);
    }

    private static String procedure(Map<String, Object> properties) {
        return String.valueOf(properties.getOrDefault(ResultsImporter.PROCEDURE, "?"));
    }

    public record RuleLine(String key, String title, String description, String kind) {
    }

    public record SchoolFlags(String school, String name, String territory, List<Flag> flags) {
    }

    public record TerritoryCount(String code, String name, int schools, Map<String, Integer> counts) {
    }

    /** A year's flags: the rules, the flagged schools and the counts per territory, and the procedure modules read. */
    public record Report(int year, String title, List<RuleLine> rules, List<SchoolFlags> schools, List<TerritoryCount> territories,
                         List<String> sources) {
    }

    public Report report(String catalogueKey, String rulesKey, int year, String territory) throws Exception {
        Caller caller = CallerContext.require(READERS);
        FlagRules rules = specs.flagRules(rulesKey);
        AnalyticsService.Year y = analytics.year(catalogueKey != null ? catalogueKey : rules.catalogue(), year);
        Map<String, Map<String, List<Flag>>> signs = new TreeMap<>();
        for (Map.Entry<String, FlagSource> source : sources.entrySet()) {
            try {
                signs.put(source.getKey(), source.getValue().flags(year));
            } catch (Exception e) {
                // A module's failure leaves its signs out; the others still count.
                LOG.warn("Signs of {} for {} not read", source.getKey(), year, e);
            }
        }
        Map<String, List<Flag>> flagged = RiskFlags.judge(rules, new RiskFlags.Input(y.catalogue(), y.values(), y.schools(), signs));
        Map<String, String> territoryNames = new LinkedHashMap<>();
        CallerContext.callAs(Caller.SYSTEM, () -> catalog.territories()).forEach(t -> territoryNames.put(t.code(), t.name()));
        List<SchoolFlags> schools = new ArrayList<>();
        Map<String, TerritoryCount> counts = new TreeMap<>();
        for (Organisation school : y.schools().values()) {
            String t = school.territoryCode();
            if (!caller.scope().contains(school.code()) || territory != null && !territory.equals(t)) {
                continue;
            }
            String key = Optional.ofNullable(t).orElse("");
            TerritoryCount count = counts.computeIfAbsent(key, k -> new TerritoryCount(k, territoryNames.getOrDefault(k, k), 0, new LinkedHashMap<>()));
            List<Flag> flags = flagged.getOrDefault(school.code(), List.of());
            Map<String, Integer> byRule = count.counts();
            rules.rules().forEach(r -> byRule.putIfAbsent(r.key(), 0));
            flags.forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
            counts.put(key, new TerritoryCount(count.code(), count.name(), count.schools() + 1, byRule));
            if (!flags.isEmpty()) {
                schools.add(new SchoolFlags(school.code(), school.shortName(), t, flags));
            }
        }
        schools.sort(java.util.Comparator.comparing(SchoolFlags::territory, java.util.Comparator.nullsLast(String::compareTo))
                .thenComparing(SchoolFlags::school));
        return new Report(year, rules.title(), rules.rules().stream().map(r -> new RuleLine(r.key(), r.title(), r.description(), r.kind())).toList(),
                schools, List.copyOf(counts.values()), List.copyOf(new java.util.TreeSet<>(signs.keySet())));
    }
}
