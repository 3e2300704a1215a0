package org.oko.analytics.internal.rest;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.analytics.internal.AnalyticsService;
import org.oko.analytics.internal.AnalyticsSpecs;
import org.oko.analytics.internal.catalogue.Catalogue;
import org.oko.analytics.internal.clusters.ClusterModel;
import org.oko.analytics.internal.flags.AnalyticsFlags;
import org.oko.analytics.internal.flags.FlagRules;
import org.oko.analytics.internal.store.AnalyticsStore;
import org.oko.platform.api.Rest;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.CallerContext;
import org.oko.tables.api.XlsxWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /api/analytics}: the indicator catalogues and cluster models, a year's indicators for a school beside its
 * territory and the region (also as XLSX), an indicator's dynamics (also as XLSX), baselines and targets, and the cluster model's
 * assignment with each school's why, the risk flags (also as XLSX).
 */
@Component(service = AnalyticsResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/analytics")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    private AnalyticsService analytics;

    @Reference
    private AnalyticsSpecs specs;

    @Reference
    private AnalyticsFlags flags;

    @GET
    @Path("catalogues")
    public List<Catalogue> catalogues() {
        CallerContext.require(AnalyticsService.READERS);
        return specs.catalogues();
    }

    @POST
    @Path("catalogues")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publishCatalogue(Map<String, Object> body) throws Exception {
        return published(body, specs::publishCatalogue);
    }

    @GET
    @Path("models")
    public List<ClusterModel> models() {
        CallerContext.require(AnalyticsService.READERS);
        return specs.models();
    }

    @POST
    @Path("models")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publishModel(Map<String, Object> body) throws Exception {
        return published(body, specs::publishModel);
    }

    @GET
    @Path("flag-rules")
    public List<FlagRules> flagRules() {
        CallerContext.require(AnalyticsFlags.READERS);
        return specs.flagRules();
    }

    @POST
    @Path("flag-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publishFlagRules(Map<String, Object> body) throws Exception {
        return published(body, specs::publishFlagRules);
    }

    /** A year's risk flags: the flagged schools with why and the counts per territory, within the reader's scope. */
    @GET
    @Path("flags")
    public AnalyticsFlags.Report flags(@QueryParam("catalogue") String catalogue, @QueryParam("rules") String rules, @QueryParam("year") Integer year,
                                       @QueryParam("territory") String territory) throws Exception {
        return flags.report(blank(catalogue), blank(rules), year(year), blank(territory));
    }

    @GET
    @Path("flags.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response flagsXlsx(@QueryParam("catalogue") String catalogue, @QueryParam("rules") String rules, @QueryParam("year") Integer year,
                              @QueryParam("territory") String territory) throws Exception {
        AnalyticsFlags.Report report = flags.report(blank(catalogue), blank(rules), year(year), blank(territory));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = new XlsxWriter()) {
            List<String> header = new ArrayList<>(List.of(TEXTS.ru("analytics.xlsx.territory"), TEXTS.ru("analytics.xlsx.schools")));
            report.rules().forEach(r -> header.add(r.title()));
            xlsx.sheet(TEXTS.ru("analytics.xlsx.by-territory"), header);
            for (AnalyticsFlags.TerritoryCount t : report.territories()) {
                List<Object> row = new ArrayList<>(List.of(t.name(), t.schools()));
                report.rules().forEach(r -> row.add(t.counts().getOrDefault(r.key(), 0)));
                xlsx.row(row.toArray());
            }
            xlsx.sheet(TEXTS.ru("analytics.xlsx.flags"), List.of(TEXTS.ru("analytics.xlsx.territory"), TEXTS.ru("analytics.xlsx.code"),
                    TEXTS.ru("analytics.xlsx.school"), TEXTS.ru("analytics.xlsx.flag"), TEXTS.ru("analytics.xlsx.explanation")));
            Map<String, String> names = new java.util.HashMap<>();
            report.territories().forEach(t -> names.put(t.code(), t.name()));
            for (AnalyticsFlags.SchoolFlags school : report.schools()) {
                for (org.oko.procedure.api.Flag flag : school.flags()) {
                    xlsx.row(new Object[] {names.getOrDefault(school.territory(), school.territory()), school.school(), school.name(), flag.title(),
                            flag.explanation()});
                }
            }
            xlsx.write(out);
        }
        return Response.ok(out.toByteArray(), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"flags-" + report.year() + ".xlsx\"").build();
    }

    /** A year's indicators: a school's (within scope) beside its territory's (or the one asked) and the region's. */
    @GET
    @Path("indicators")
    public List<AnalyticsService.Line> indicators(@QueryParam("catalogue") String catalogue, @QueryParam("year") Integer year,
                                                  @QueryParam("school") String school, @QueryParam("territory") String territory) throws Exception {
        return analytics.report(blank(catalogue), year(year), blank(school), blank(territory));
    }

    @GET
    @Path("indicators.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response indicatorsXlsx(@QueryParam("catalogue") String catalogue, @QueryParam("year") Integer year, @QueryParam("school") String school,
                                   @QueryParam("territory") String territory) throws Exception {
        int y = year(year);
        List<AnalyticsService.Line> lines = analytics.report(blank(catalogue), y, blank(school), blank(territory));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(TEXTS.ru("analytics.xlsx.indicators"), List.of(TEXTS.ru("analytics.xlsx.code"), TEXTS.ru("analytics.xlsx.name"),
                    TEXTS.ru("analytics.xlsx.theme"), TEXTS.ru("analytics.xlsx.unit"), TEXTS.ru("analytics.xlsx.school"), TEXTS.ru("analytics.xlsx.territory"),
                    TEXTS.ru("analytics.xlsx.region"), TEXTS.ru("analytics.xlsx.baseline"), TEXTS.ru("analytics.xlsx.target"),
                    TEXTS.ru("analytics.xlsx.reaching")));
            for (AnalyticsService.Line l : lines) {
                xlsx.row(new Object[] {l.code(), l.name(), l.theme(), l.unit(), l.school(), l.territory(), l.region(), l.baselines().get("region"),
                        l.targets().get("region"), l.schoolsWithTarget() == 0 ? null : l.schoolsReaching() + " / " + l.schoolsWithTarget()});
            }
            xlsx.write(out);
        }
        return Response.ok(out.toByteArray(), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"indicators-" + y + ".xlsx\"").build();
    }

    @GET
    @Path("indicators/{code}/dynamics")
    public List<AnalyticsService.Point> dynamics(@PathParam("code") String code, @QueryParam("catalogue") String catalogue,
                                                 @QueryParam("from") Integer from, @QueryParam("to") Integer to, @QueryParam("school") String school,
                                                 @QueryParam("territory") String territory) throws Exception {
        int last = year(to);
        return analytics.dynamics(blank(catalogue), code, from == null ? last - 4 : from, last, blank(school), blank(territory));
    }

    @GET
    @Path("indicators/{code}/dynamics.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response dynamicsXlsx(@PathParam("code") String code, @QueryParam("catalogue") String catalogue, @QueryParam("from") Integer from,
                                 @QueryParam("to") Integer to, @QueryParam("school") String school, @QueryParam("territory") String territory)
            throws Exception {
        List<AnalyticsService.Point> points = dynamics(code, catalogue, from, to, school, territory);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(code, List.of(TEXTS.ru("analytics.xlsx.year"), TEXTS.ru("analytics.xlsx.school"), TEXTS.ru("analytics.xlsx.territory"),
                    TEXTS.ru("analytics.xlsx.region"), TEXTS.ru("analytics.xlsx.baseline"), TEXTS.ru("analytics.xlsx.target")));
            for (AnalyticsService.Point p : points) {
                xlsx.row(new Object[] {p.year(), p.school(), p.territory(), p.region(), p.regionBaseline(), p.regionTarget()});
            }
            xlsx.write(out);
        }
        return Response.ok(out.toByteArray(), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"dynamics-" + code.replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx\"").build();
    }

    @GET
    @Path("targets")
    public List<AnalyticsStore.Target> targets(@QueryParam("catalogue") String catalogue, @QueryParam("year") Integer year) throws Exception {
        return analytics.targets(blank(catalogue), year(year));
    }

    /** {"targets": [{"indicator", "kind": region|territory|school, "code": ""|territory|school|"*", "baseline", "target"}]}. */
    @PUT
    @Path("targets")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<AnalyticsStore.Target> setTargets(@QueryParam("catalogue") String catalogue, @QueryParam("year") Integer year,
                                                  Map<String, Object> body) throws Exception {
        Object list = body == null ? null : body.get("targets");
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "analytics.no-body");
        }
        List<AnalyticsStore.Target> targets = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m)) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "analytics.no-body");
            }
            targets.add(new AnalyticsStore.Target(text(m.get("indicator")), 0, text(m.get("kind")), m.get("code") == null ? "" : text(m.get("code")),
                    number(m.get("baseline")), number(m.get("target")), null, null));
        }
        analytics.setTargets(blank(catalogue), year(year), targets);
        return analytics.targets(blank(catalogue), year(year));
    }

    @GET
    @Path("clusters")
    public List<AnalyticsService.Placed> clusters(@QueryParam("catalogue") String catalogue, @QueryParam("model") String model,
                                                  @QueryParam("year") Integer year) throws Exception {
        return analytics.clusters(blank(catalogue), blank(model), year(year));
    }

    /** The year's clusters as a workbook: each school with its cluster, the year before, its values and why. */
    @GET
    @Path("clusters.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response clustersXlsx(@QueryParam("catalogue") String catalogue, @QueryParam("model") String model,
                                 @QueryParam("year") Integer year) throws Exception {
        int y = year(year);
        List<AnalyticsService.Placed> placed = analytics.clusters(blank(catalogue), blank(model), y);
        ClusterModel m = specs.model(blank(model));
        List<String> headers = new ArrayList<>(List.of(TEXTS.ru("analytics.xlsx.school"), TEXTS.ru("analytics.xlsx.cluster"),
                TEXTS.ru("analytics.xlsx.cluster-name"), TEXTS.ru("analytics.xlsx.previous")));
        m.indicators().forEach(w -> headers.add(w.code()));
        headers.add(TEXTS.ru("analytics.xlsx.why"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(TEXTS.ru("analytics.xlsx.clusters"), headers);
            for (AnalyticsService.Placed p : placed) {
                List<Object> row = new ArrayList<>(List.of(p.assignment().school(), p.assignment().cluster(), p.assignment().name(),
                        p.previous() == null ? "" : p.previous()));
                m.indicators().forEach(w -> row.add(p.assignment().values().get(w.code())));
                String why = String.join("; ", p.assignment().against().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
                // The rules' bounds read as they are; k-means' figures are the cluster centre's values.
                row.add(why.isEmpty() || ClusterModel.RULES.equals(m.method()) ? why : TEXTS.ru("analytics.xlsx.centre") + ": " + why);
                xlsx.row(row);
            }
            xlsx.write(out);
        }
        return Response.ok(out.toByteArray(), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"clusters-" + m.key() + "-" + y + ".xlsx\"").build();
    }

    /** Assigns the year's schools by the model and keeps the assignment (the centre). */
    @POST
    @Path("clusters")
    public List<AnalyticsService.Placed> assign(@QueryParam("catalogue") String catalogue, @QueryParam("model") String model,
                                                @QueryParam("year") Integer year) throws Exception {
        return analytics.assign(blank(catalogue), blank(model), year(year));
    }

    /** A spec's new version from the body as JSON: 201 with what was published (the publisher's role is checked there). */
    private static Response published(Map<String, Object> body, java.util.function.Function<String, ?> publish) throws Exception {
        if (body == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "analytics.no-body");
        }
        return Response.status(Response.Status.CREATED).entity(publish.apply(JSON.writeValueAsString(body))).build();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static BigDecimal number(Object value) {
        try {
            return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "analytics.number", value.toString());
        }
    }

    private static int year(Integer year) {
        return year == null ? LocalDate.now().getYear() : year;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
