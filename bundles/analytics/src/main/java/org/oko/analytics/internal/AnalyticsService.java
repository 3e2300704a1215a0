package org.oko.analytics.internal;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import org.oko.analytics.internal.catalogue.Catalogue;
import org.oko.analytics.internal.clusters.ClusterModel;
import org.oko.analytics.internal.clusters.Clusterer;
import org.oko.analytics.internal.engine.IndicatorEngine;
import org.oko.analytics.internal.store.AnalyticsStore;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.forms.api.Submissions;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.cache.Kept;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A year's indicators from the МИАС forms: actual values per school, territory and region (read as the system, kept
 * while the forms do not change, at most a minute), with the baselines and targets the centre sets, each reader's
 * school within scope; the dynamics over years, the share of schools reaching their target; the cluster model's
 * assignment of a year, kept so that moves show.
 */
@Component(service = AnalyticsService.class)
public class AnalyticsService {

    /** Who reads: everyone but the expert; a school's values within the caller's scope, aggregates for all. */
    public static final Role[] READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL, Role.FOUNDER_COORDINATOR,
            Role.SCHOOL_COORDINATOR, Role.OBSERVER};
    /** Who sets targets and assigns clusters: the centre. */
    public static final Role[] CENTRE = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};

    @Reference
    private AnalyticsSpecs specs;

    @Reference
    private Submissions submissions;

    @Reference
    private CatalogService catalog;

    @Reference
    private AuditTrail audit;

    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    private AnalyticsStore store;

    /** Years' values, by catalogue version and year, kept while the forms' change tokens hold and at most a minute. */
    private final Kept<String, Year> kept = Kept.of(Duration.ofMinutes(1), 32);

    @Activate
    void activate() {
        store = new AnalyticsStore(dataSource);
    }

    /** A year's actual values of a catalogue and the catalog they were placed with. */
    public record Year(Catalogue catalogue, int year, Map<String, IndicatorEngine.Values> values, Map<String, Organisation> schools) {

        public Function<String, String> territoryOf() {
            return code -> Optional.ofNullable(schools.get(code)).map(Organisation::territoryCode).orElse(null);
        }
    }

    /**
     * The year's values, computed from every school's forms as the system (aggregates need them all); kept while no
     * submission of those forms changes, and at most a minute (values a module's calculator fills change with the
     * module's data).
     */
    public Year year(String catalogueKey, int year) throws Exception {
        Catalogue catalogue = specs.catalogue(catalogueKey);
        String key = catalogue.key() + "/" + catalogue.version() + "/" + year;
        Map<String, Set<String>> inputs = new TreeMap<>(); // form → the keys the catalogue reads of it
        catalogue.indicators().forEach(i -> i.inputs().values().forEach(input -> inputs.computeIfAbsent(input.substring(0, input.indexOf('.')),
                f -> new TreeSet<>()).add(input.substring(input.indexOf('.') + 1))));
        Set<String> forms = inputs.keySet();
        Map<String, String> changes = CallerContext.callAs(Caller.SYSTEM, () -> {
            Map<String, String> tokens = new HashMap<>();
            for (String form : forms) {
                tokens.put(form, submissions.changes(catalogue.period(form, year), form));
            }
            return tokens;
        });
        return kept.get(key, changes, () -> {
            // The forms are read side by side, each only for the keys the catalogue reads (each in its own transaction, as the system): the cores share the evaluation.
            Map<String, Map<String, Map<String, Object>>> values = new ConcurrentHashMap<>();
            forms.parallelStream().forEach(form -> values.put(form, CallerContext.asSystem(() -> submissions.values(catalogue.period(form, year), form, inputs.get(form)))));
            return CallerContext.callAs(Caller.SYSTEM, () -> {
                Map<String, Organisation> schools = catalog.regionSchools();
                return new Year(catalogue, year, IndicatorEngine.compute(catalogue, values,
                        code -> Optional.ofNullable(schools.get(code)).map(Organisation::territoryCode).orElse(null)), schools);
            });
        });
    }

    /** One indicator's line of a report: its values, baselines and targets at the levels asked, and the schools reaching the target. */
    public record Line(String code, String name, String theme, String unit, String direction, BigDecimal school, BigDecimal territory,
                       BigDecimal region, Map<String, BigDecimal> targets, Map<String, BigDecimal> baselines, Integer schoolsWithTarget,
                       Integer schoolsReaching) {
    }

    /** A year's report: every indicator for a school (within scope) beside its territory (or the one asked) and the region. */
    public List<Line> report(String catalogueKey, int year, String school, String territory) throws Exception {
        Caller caller = CallerContext.require(READERS);
        if (school != null && !caller.scope().contains(school)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "analytics.no-such-school", school);
        }
        Year y = year(catalogueKey, year);
        String t = school != null && y.territoryOf().apply(school) != null ? y.territoryOf().apply(school) : territory;
        List<AnalyticsStore.Target> targets = store.targets(y.catalogue().key(), year);
        List<Line> lines = new ArrayList<>();
        for (Catalogue.Indicator indicator : y.catalogue().indicators()) {
            IndicatorEngine.Values v = y.values().get(indicator.code());
            Map<String, BigDecimal> target = new LinkedHashMap<>();
            Map<String, BigDecimal> baseline = new LinkedHashMap<>();
            fill(targets, indicator.code(), "region", "", "region", target, baseline);
            if (t != null) {
                fill(targets, indicator.code(), "territory", t, "territory", target, baseline);
            }
            if (school != null) {
                fill(targets, indicator.code(), "school", "*", "school", target, baseline);
                fill(targets, indicator.code(), "school", school, "school", target, baseline);
            }
            int[] reaching = reaching(indicator, v, targets);
            lines.add(new Line(indicator.code(), indicator.name(), indicator.theme(), indicator.unit(), indicator.direction(),
                    school == null ? null : v.schools().get(school), t == null ? null : v.territories().get(t), v.region(), target, baseline,
                    reaching[0], reaching[1]));
        }
        return lines;
    }

    /** How many schools have a target (their own, else every school's) and a value, and how many of them reach it. */
    static int[] reaching(Catalogue.Indicator indicator, IndicatorEngine.Values values, List<AnalyticsStore.Target> targets) {
        Map<String, BigDecimal> own = new HashMap<>();
        BigDecimal every = null;
        for (AnalyticsStore.Target t : targets) {
            if (t.indicator().equals(indicator.code()) && "school".equals(t.kind()) && t.target() != null) {
                if ("*".equals(t.code())) {
                    every = t.target();
                } else {
                    own.put(t.code(), t.target());
                }
            }
        }
        int with = 0;
        int reach = 0;
        for (Map.Entry<String, BigDecimal> e : values.schools().entrySet()) {
            BigDecimal target = own.getOrDefault(e.getKey(), every);
            if (target == null) {
                continue;
            }
            with++;
            int compared = e.getValue().compareTo(target);
            if (indicator.higherIsBetter() ? compared >= 0 : compared <= 0) {
                reach++;
            }
        }
        return new int[] {with, reach};
    }

    private static void fill(List<AnalyticsStore.Target> targets, String indicator, String kind, String code, String as,
                             Map<String, BigDecimal> target, Map<String, BigDecimal> baseline) {
        targets.stream().filter(t -> t.indicator().equals(indicator) && t.kind().equals(kind) && t.code().equals(code)).findFirst().ifPresent(t -> {
            if (t.target() != null) {
                target.put(as, t.target());
            }
            if (t.baseline() != null) {
                baseline.put(as, t.baseline());
            }
        });
    }

    /** One year of an indicator's dynamics. */
    public record Point(int year, BigDecimal school, BigDecimal territory, BigDecimal region, BigDecimal regionTarget, BigDecimal regionBaseline) {
    }

    public List<Point> dynamics(String catalogueKey, String code, int from, int to, String school, String territory) throws Exception {
        Caller caller = CallerContext.require(READERS);
        if (school != null && !caller.scope().contains(school) || to < from || to - from > 20) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "analytics.no-such-school", school == null ? "" : school);
        }
        Catalogue catalogue = specs.catalogue(catalogueKey);
        if (catalogue.indicator(code).isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "analytics.no-such-indicator", code);
        }
        List<Point> points = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            Year y = year(catalogueKey, year);
            IndicatorEngine.Values v = y.values().get(code);
            String t = school != null && y.territoryOf().apply(school) != null ? y.territoryOf().apply(school) : territory;
            Map<String, BigDecimal> target = new HashMap<>();
            Map<String, BigDecimal> baseline = new HashMap<>();
            fill(store.targets(catalogue.key(), year), code, "region", "", "region", target, baseline);
            points.add(new Point(year, school == null ? null : v.schools().get(school), t == null ? null : v.territories().get(t), v.region(),
                    target.get("region"), baseline.get("region")));
        }
        return points;
    }

    public List<AnalyticsStore.Target> targets(String catalogueKey, int year) throws Exception {
        CallerContext.require(READERS);
        return store.targets(specs.catalogue(catalogueKey).key(), year);
    }

    /** Sets baselines and targets (the centre): region (code ""), a territory, a school, or every school (code "*"). */
    public void setTargets(String catalogueKey, int year, List<AnalyticsStore.Target> targets) throws Exception {
        Caller caller = CallerContext.require(CENTRE);
        Catalogue catalogue = specs.catalogue(catalogueKey);
        List<AnalyticsStore.Target> checked = new ArrayList<>();
        for (AnalyticsStore.Target t : targets) {
            if (t.indicator() == null || catalogue.indicator(t.indicator()).isEmpty()) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "analytics.no-such-indicator", String.valueOf(t.indicator()));
            }
            if (!java.util.List.of("region", "territory", "school").contains(t.kind()) || t.code() == null
                    || "region".equals(t.kind()) != t.code().isEmpty()) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "analytics.target-level", t.indicator());
            }
            checked.add(new AnalyticsStore.Target(t.indicator(), year, t.kind(), t.code(), t.baseline(), t.target(), caller.login(), Instant.now()));
        }
        store.setTargets(catalogue.key(), checked);
        audit.record("analytics.targets", catalogue.key() + " " + year, TEXTS.ru("analytics.audit.targets", checked.size(), String.valueOf(year)));
    }

    /** A school's cluster of a year with why, and its cluster the year before. */
    public record Placed(Clusterer.Assignment assignment, String previous) {
    }

    /** Assigns the year's schools by the model (the centre) and keeps the assignment; then as {@link #clusters}. */
    public List<Placed> assign(String catalogueKey, String modelKey, int year) throws Exception {
        Caller caller = CallerContext.require(CENTRE);
        ClusterModel model = specs.model(modelKey);
        Map<String, Clusterer.Assignment> assigned = Clusterer.assign(model, schoolValues(year(catalogueKey, year)));
        Map<String, String> clusters = new LinkedHashMap<>();
        assigned.forEach((school, a) -> clusters.put(school, a.cluster()));
        store.keepClusters(model.key(), model.version(), year, clusters, caller.login());
        audit.record("analytics.clusters", model.key() + " " + year, TEXTS.ru("analytics.audit.clusters", clusters.size(), String.valueOf(year)));
        return placed(model, year, assigned, caller);
    }

    /** The year's clusters by the model, each school with why and its cluster the year before, within the caller's scope. */
    public List<Placed> clusters(String catalogueKey, String modelKey, int year) throws Exception {
        Caller caller = CallerContext.require(READERS);
        ClusterModel model = specs.model(modelKey);
        return placed(model, year, Clusterer.assign(model, schoolValues(year(catalogueKey, year))), caller);
    }

    private List<Placed> placed(ClusterModel model, int year, Map<String, Clusterer.Assignment> assigned, Caller caller) throws Exception {
        Map<String, String> before = store.clusters(model.key(), year - 1);
        return assigned.values().stream().filter(a -> caller.scope().contains(a.school())).map(a -> new Placed(a, before.get(a.school()))).toList();
    }

    /** Every school's indicator values of a year: school → indicator → value. */
    static Map<String, Map<String, BigDecimal>> schoolValues(Year year) {
        Map<String, Map<String, BigDecimal>> bySchool = new java.util.TreeMap<>();
        year.schools().keySet().forEach(s -> bySchool.put(s, new HashMap<>()));
        year.values().forEach((code, v) -> v.schools().forEach((school, value) -> bySchool.computeIfAbsent(school, s -> new HashMap<>())
                .put(code, value)));
        return bySchool;
    }
}
