package org.oko.noko.internal.rest;

import static org.oko.noko.internal.NokoTexts.TEXTS;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.noko.internal.NokoData;
import org.oko.noko.internal.campaign.Campaign;
import org.oko.noko.internal.campaign.NokoCampaigns;
import org.oko.noko.internal.method.Method;
import org.oko.noko.internal.method.Methods;
import org.oko.noko.internal.plans.NokoPlans;
import org.oko.noko.internal.plans.Plan;
import org.oko.noko.internal.scores.NokoChecks;
import org.oko.noko.internal.scores.NokoScores;
import org.oko.platform.api.Rest;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.tables.api.XlsxWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /api/noko} for the people of the assessment: the methods, campaigns with the three-year coverage, each
 * organisation's survey link and QR code, the operator's checks with evidence, the results with ratings and the
 * federal site's workbook, and remedy plans. The public survey is {@link PublicNokoResource}.
 */
@Component(service = NokoResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/noko")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class NokoResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    private Methods methods;

    @Reference
    private NokoCampaigns campaigns;

    @Reference
    private NokoChecks checks;

    @Reference
    private NokoScores scores;

    @Reference
    private NokoPlans plans;

    @Reference
    private NokoData data;

    @Reference
    private CatalogService catalog;

    @Context
    private UriInfo uri;

    // ---- methods and campaigns -------------------------------------------------------------

    @GET
    @Path("methods")
    public List<Method> methods() {
        CallerContext.require(NokoCampaigns.READERS);
        return methods.latest();
    }

    /** Publishes a method (the JSON of docs/noko.md): a new key or a newer version of one. */
    @POST
    @Path("methods")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(Map<String, Object> method) throws Exception {
        if (method == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.no-body");
        }
        return Response.status(Response.Status.CREATED).entity(methods.publish(JSON.writeValueAsString(method))).build();
    }

    @GET
    @Path("campaigns")
    public List<Campaign> campaigns() throws Exception {
        return campaigns.all();
    }

    @POST
    @Path("campaigns")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NokoCampaigns.Request request) throws Exception {
        return Response.status(Response.Status.CREATED).entity(campaigns.create(request)).build();
    }

    @GET
    @Path("campaigns/{year}")
    public Campaign campaign(@PathParam("year") int year) throws Exception {
        return campaigns.campaign(year);
    }

    /** Moves the campaign on: {"state": "CLOSED"} ends the survey, {"state": "PUBLISHED"} makes the results public. */
    @POST
    @Path("campaigns/{year}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    public Campaign state(@PathParam("year") int year, Map<String, Object> body) throws Exception {
        return campaigns.moveTo(year, body == null ? null : String.valueOf(body.get("state")));
    }

    /** Every school of the region (within scope) with the last year it was assessed and whether it is due in {@code year}. */
    @GET
    @Path("coverage")
    public List<NokoCampaigns.Coverage> coverage(@QueryParam("year") Integer year) throws Exception {
        return campaigns.coverage(year == null ? LocalDate.now().getYear() : year);
    }

    /** The campaign's organisations the caller may see, each with its survey link (the QR code is next to it). */
    @GET
    @Path("campaigns/{year}/organisations")
    public List<Map<String, Object>> organisations(@PathParam("year") int year) throws Exception {
        Caller caller = CallerContext.require(NokoCampaigns.READERS);
        Campaign campaign = campaigns.campaign(year);
        boolean all = caller.hasAnyRole(NokoCampaigns.CENTRE) || caller.hasAnyRole(Role.MINISTRY_OFFICIAL) || NokoCampaigns.operator(caller, campaign);
        Map<String, Organisation> schools = catalog.regionSchools();
        List<Map<String, Object>> lines = new ArrayList<>();
        data.campaigns().targets(year).forEach((code, token) -> {
            if (all || caller.scope().contains(code)) {
                Organisation o = schools.get(code);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("code", code);
                line.put("name", o == null ? code : o.fullName());
                line.put("territory", o == null ? null : o.territoryCode());
                line.put("link", Links.survey(data.settings().public_url(), uri, token));
                lines.add(line);
            }
        });
        return lines;
    }

    @GET
    @Path("campaigns/{year}/organisations/{org}/qr.svg")
    @Produces("image/svg+xml")
    public Response qr(@PathParam("year") int year, @PathParam("org") String org) throws Exception {
        Map<String, Object> line = organisations(year).stream().filter(l -> l.get("code").equals(org)).findFirst()
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.no-such-organisation", org));
        return Response.ok(Qr.svg((String) line.get("link"), TEXTS.ru("noko.qr.title", line.get("name"))), "image/svg+xml")
                .header("Content-Disposition", "inline; filename=\"noko-" + org + ".svg\"").build();
    }

    // ---- checks -----------------------------------------------------------------------------

    @GET
    @Path("campaigns/{year}/organisations/{org}/checks")
    public List<NokoChecks.Line> checks(@PathParam("year") int year, @PathParam("org") String org) throws Exception {
        return checks.checklist(year, org);
    }

    /** The operator's findings: {"checks": [{"item": "site-1", "present": true, "link": "https://…"}, …]}. */
    @PUT
    @Path("campaigns/{year}/organisations/{org}/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<NokoChecks.Line> setChecks(@PathParam("year") int year, @PathParam("org") String org, Map<String, Object> body) throws Exception {
        Object list = body == null ? null : body.get("checks");
        if (!(list instanceof List<?> entries) || entries.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.no-body");
        }
        List<NokoChecks.Entry> read = new ArrayList<>();
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> m) || !(m.get("item") instanceof String item) || !(m.get("present") instanceof Boolean present)) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.check.entry");
            }
            read.add(new NokoChecks.Entry(item, present, m.get("link") instanceof String link ? link : null));
        }
        checks.set(year, org, read);
        return checks.checklist(year, org);
    }

    @POST
    @Path("campaigns/{year}/organisations/{org}/checks/{item}/evidence")
    @Consumes(MediaType.WILDCARD)
    public Response evidence(@PathParam("year") int year, @PathParam("org") String org, @PathParam("item") String item,
                             @QueryParam("name") @DefaultValue("evidence") String name, InputStream body) throws Exception {
        checks.evidence(year, org, item, name, body);
        return Response.noContent().build();
    }

    @GET
    @Path("campaigns/{year}/organisations/{org}/checks/{item}/evidence")
    @Produces(MediaType.WILDCARD)
    public Response evidenceFile(@PathParam("year") int year, @PathParam("org") String org, @PathParam("item") String item) throws Exception {
        NokoChecks.Evidence evidence = checks.evidenceFile(year, org, item);
        return Response.ok(java.nio.file.Files.readAllBytes(evidence.file()), evidence.mediaType()).build();
    }

    // ---- results ----------------------------------------------------------------------------

    @GET
    @Path("campaigns/{year}/results")
    public Map<String, Object> results(@PathParam("year") int year) throws Exception {
        NokoScores.Results results = scores.results(year);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("campaign", results.campaign());
        answer.put("minRespondents", data.settings().min_respondents());
        answer.put("criteria", results.method().criteria().stream().map(c -> Map.of("code", c.code(), "name", c.name(), "indicators",
                c.indicators().stream().map(i -> Map.of("code", i.code(), "name", i.name(), "weight", i.weight())).toList())).toList());
        answer.put("organisations", results.lines());
        answer.put("summaries", scores.summaries(results));
        return answer;
    }

    /**
     * The results shaped for upload to the federal site (bus.gov.ru): a row per organisation with its ИНН, name,
     * respondents, every indicator, every criterion and the score, in the method's order; then the territories.
     */
    @GET
    @Path("campaigns/{year}/results.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response resultsXlsx(@PathParam("year") int year) throws Exception {
        NokoScores.Results results = scores.results(year);
        List<String> headers = new ArrayList<>(List.of(TEXTS.ru("noko.xlsx.inn"), TEXTS.ru("noko.xlsx.code"), TEXTS.ru("noko.xlsx.name"),
                TEXTS.ru("noko.xlsx.territory"), TEXTS.ru("noko.xlsx.respondents"), TEXTS.ru("noko.xlsx.reliable")));
        results.method().criteria().forEach(c -> c.indicators().forEach(i -> headers.add(i.code())));
        results.method().criteria().forEach(c -> headers.add(TEXTS.ru("noko.xlsx.criterion", c.code().substring(1))));
        headers.addAll(List.of(TEXTS.ru("noko.xlsx.score"), TEXTS.ru("noko.xlsx.band"), TEXTS.ru("noko.xlsx.region-rank")));
        ByteArrayOutputStream out = new ByteArrayOutputStream(); // built whole first: a refusal is an answer, not a broken download
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(TEXTS.ru("noko.xlsx.organisations"), headers);
            for (NokoScores.Line l : results.lines()) {
                List<Object> row = new ArrayList<>(List.of(l.inn() == null ? "" : l.inn(), l.organisation(), l.name(),
                        l.territory() == null ? "" : l.territory(), l.result().respondents(), TEXTS.ru(l.result().reliable() ? "noko.yes" : "noko.no")));
                results.method().criteria().forEach(c -> c.indicators().forEach(i -> row.add(l.result().indicators().get(i.code()))));
                results.method().criteria().forEach(c -> row.add(l.result().criteria().get(c.code())));
                row.add(l.result().total());
                row.add(l.result().band());
                row.add(l.regionRank());
                xlsx.row(row.toArray());
            }
            List<String> summaryHeaders = new ArrayList<>(List.of(TEXTS.ru("noko.xlsx.territory"), TEXTS.ru("noko.xlsx.assessed"),
                    TEXTS.ru("noko.xlsx.reliable-count"), TEXTS.ru("noko.xlsx.respondents")));
            results.method().criteria().forEach(c -> summaryHeaders.add(TEXTS.ru("noko.xlsx.criterion", c.code().substring(1))));
            summaryHeaders.add(TEXTS.ru("noko.xlsx.score"));
            xlsx.sheet(TEXTS.ru("noko.xlsx.territories"), summaryHeaders);
            for (NokoScores.Summary s : scores.summaries(results)) {
                List<Object> row = new ArrayList<>(List.of(s.territory() == null ? TEXTS.ru("noko.xlsx.region") : s.territory(), s.organisations(),
                        s.reliable(), s.respondents()));
                results.method().criteria().forEach(c -> row.add(s.criteria().get(c.code())));
                row.add(s.score());
                xlsx.row(row.toArray());
            }
            xlsx.write(out);
        }
        return Response.ok(out.toByteArray(), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"noko-" + year + ".xlsx\"").build();
    }

    // ---- remedy plans ------------------------------------------------------------------------

    @GET
    @Path("campaigns/{year}/plans")
    public List<Plan> plans(@PathParam("year") int year) throws Exception {
        return plans.plans(year);
    }

    @GET
    @Path("campaigns/{year}/overdue")
    public List<NokoPlans.Overdue> overdue(@PathParam("year") int year) throws Exception {
        return plans.overdue(year);
    }

    @GET
    @Path("campaigns/{year}/organisations/{org}/plan")
    public Plan plan(@PathParam("year") int year, @PathParam("org") String org) throws Exception {
        return plans.plan(year, org);
    }

    /** The plan written: {"version": n, "measures": [{shortcoming, measure, deadline, responsible}, …]}. */
    public record PlanBody(int version, List<NokoPlans.Draft> measures) {
    }

    @PUT
    @Path("campaigns/{year}/organisations/{org}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    public Plan savePlan(@PathParam("year") int year, @PathParam("org") String org, PlanBody body) throws Exception {
        if (body == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.no-body");
        }
        return plans.save(year, org, body.version(), body.measures());
    }

    public record VersionBody(int version) {
    }

    @POST
    @Path("campaigns/{year}/organisations/{org}/plan/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Plan submit(@PathParam("year") int year, @PathParam("org") String org, VersionBody body) throws Exception {
        return plans.submit(year, org, body == null ? -1 : body.version());
    }

    public record DecisionBody(int version, boolean approve, String note) {
    }

    @POST
    @Path("campaigns/{year}/organisations/{org}/plan/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Plan decide(@PathParam("year") int year, @PathParam("org") String org, DecisionBody body) throws Exception {
        if (body == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.no-body");
        }
        return plans.decide(year, org, body.version(), body.approve(), body.note());
    }

    public record ReportBody(int version, String result, LocalDate doneOn) {
    }

    @PUT
    @Path("campaigns/{year}/organisations/{org}/plan/measures/{position}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    public Plan report(@PathParam("year") int year, @PathParam("org") String org, @PathParam("position") int position, ReportBody body)
            throws Exception {
        if (body == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.no-body");
        }
        return plans.report(year, org, body.version(), position, body.result(), body.doneOn());
    }
}
