package org.oko.gto.internal.rest;

import static org.oko.gto.internal.GtoTexts.TEXTS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.gto.internal.GtoService;
import org.oko.gto.internal.norms.GtoNorms;
import org.oko.gto.internal.norms.Level;
import org.oko.gto.internal.norms.Norms;
import org.oko.gto.internal.report.Tally;
import org.oko.platform.api.Rest;
import org.oko.platform.api.Uploads;
import org.oko.platform.api.jobs.Job;
import org.oko.platform.api.rest.ApiException;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.XlsxWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /api/gto}: the editions of the norms, results imports (background jobs with progress), the
 * counts of a year per school, territory and region (also as XLSX), and a school's participants with
 * their badges explained.
 */
@Component(service = GtoResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/gto")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class GtoResource {

    /** A region's year is some megabytes; more is not a results file. */
    static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    private GtoService gto;

    @Reference
    private GtoNorms norms;

    @GET
    @Path("norms")
    public List<Norms> norms() {
        org.oko.platform.api.security.CallerContext.require(GtoService.READERS);
        return norms.editions();
    }

    /** Publishes an edition of the norms (the JSON of {@code docs/gto.md}), a new key or a newer version of one. */
    @POST
    @Path("norms")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(Map<String, Object> edition) throws IOException {
        if (edition == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "gto.no-norms-body");
        }
        // Read by the platform's JSON provider (its errors name the line and column), kept as the spec's text.
        return Response.status(Response.Status.CREATED).entity(norms.publish(JSON.writeValueAsString(edition))).build();
    }

    /** The columns a results file can have: id, header, whether required. */
    @GET
    @Path("columns")
    public List<Map<String, Object>> columns() {
        return gto.columns().stream().map(c -> Map.<String, Object>of("id", c.id(), "header", c.header(), "required", c.required())).toList();
    }

    /**
     * The file as the body; {@code columns} a JSON object, the file's header → a column id of {@code GET columns}
     * ("" leaves the column out), remembered for the next file once it imports.
     */
    @POST
    @Path("imports")
    @Consumes(MediaType.WILDCARD)
    public Response startImport(@QueryParam("name") @DefaultValue("results.csv") String name, @QueryParam("columns") String mapping,
                                InputStream body) throws Exception {
        gto.columns(); // the caller's right, before the body is read
        Map<String, String> columns = ColumnMapping.chosen(mapping);
        return Response.accepted(Uploads.handOver(body, MAX_UPLOAD_BYTES, "oko-gto-", file -> gto.startImport(file, name, columns)).toMap())
                .build();
    }

    @GET
    @Path("imports/{id}")
    public Map<String, Object> importJob(@PathParam("id") long id) {
        Job job = gto.job(id);
        return job.toMap();
    }

    /** A year's counts: a school's (within the caller's scope), its territory's or the given one's, and the region's. */
    @GET
    @Path("counts")
    public Map<String, Object> counts(@QueryParam("year") Integer year, @QueryParam("school") String school,
                                      @QueryParam("territory") String territory) throws Exception {
        GtoService.Report report = gto.counts(year(year), blank(school), blank(territory));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("year", report.year());
        answer.put("school", view(report.school()));
        answer.put("territory", view(report.territory()));
        answer.put("region", view(report.region()));
        return answer;
    }

    /** Every school's counts within the caller's scope, and the region's, as a workbook. */
    @GET
    @Path("counts.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response countsXlsx(@QueryParam("year") Integer year) throws Exception {
        int y = year(year);
        Map<String, Tally> schools = gto.schoolCounts(y);
        Map<String, Tally> territories = gto.territoryCounts(y);
        Tally region = gto.counts(y, null, null).region();
        ByteArrayOutputStream out = new ByteArrayOutputStream(); // built whole first: a refusal is an answer, not a broken download
        try (XlsxWriter xlsx = new XlsxWriter()) {
            List<String> headers = List.of(TEXTS.ru("gto.xlsx.code"), TEXTS.ru("gto.xlsx.tested"), TEXTS.ru("gto.xlsx.registered"),
                    TEXTS.ru("gto.xlsx.gold"), TEXTS.ru("gto.xlsx.silver"), TEXTS.ru("gto.xlsx.bronze"), TEXTS.ru("gto.xlsx.share"));
            xlsx.sheet(TEXTS.ru("gto.xlsx.schools"), headers);
            schools.forEach((code, tally) -> xlsx.row(row(code, tally)));
            xlsx.sheet(TEXTS.ru("gto.xlsx.territories"), headers);
            territories.forEach((code, tally) -> xlsx.row(row(code, tally)));
            xlsx.sheet(TEXTS.ru("gto.xlsx.region"), headers);
            xlsx.row(row(TEXTS.ru("gto.xlsx.region"), region));
            // The region by stage and sex: the stage and sex in the first column, the same counts after it.
            xlsx.sheet(TEXTS.ru("gto.xlsx.by-stage"), headers);
            region.byStage().forEach((stage, bySex) -> bySex.forEach((sex, tally) ->
                    xlsx.row(row(TEXTS.ru("gto.xlsx.stage-sex", stage, TEXTS.ru(sex == org.oko.gto.internal.norms.Sex.BOYS
                            ? "gto.xlsx.boys" : "gto.xlsx.girls")), tally))));
            xlsx.write(out);
        }
        return Response.ok(out.toByteArray(), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"gto-" + y + ".xlsx\"").build();
    }

    /** Every school's counts of a year within the caller's scope (a line each: code, the counts, the share in per cent). */
    @GET
    @Path("schools")
    public List<Map<String, Object>> schools(@QueryParam("year") Integer year) throws Exception {
        return gto.schoolCounts(year(year)).entrySet().stream().map(e -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", e.getKey());
            line.putAll(view(e.getValue()));
            line.remove("byStage");
            return line;
        }).toList();
    }

    @GET
    @Path("schools/{school}/participants")
    public List<GtoService.Line> participants(@PathParam("school") String school, @QueryParam("year") Integer year) throws Exception {
        return gto.participants(school, year(year));
    }

    private static Object[] row(String code, Tally tally) {
        return new Object[] {code, tally.tested(), tally.registered(), tally.badges(Level.GOLD), tally.badges(Level.SILVER),
                tally.badges(Level.BRONZE), new java.math.BigDecimal(tally.badgeShare() * 100).setScale(1, java.math.RoundingMode.HALF_UP)};
    }

    /** A tally as JSON: the counts, the badges by level, the share in per cent, and the same by stage and sex. */
    static Map<String, Object> view(Tally tally) {
        if (tally == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tested", tally.tested());
        view.put("registered", tally.registered());
        Map<String, Integer> badges = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            badges.put(level.code(), tally.badges(level));
        }
        view.put("badges", badges);
        view.put("badgeShare", Math.round(tally.badgeShare() * 1000) / 10.0);
        Map<String, Object> stages = new LinkedHashMap<>();
        tally.byStage().forEach((stage, bySex) -> {
            Map<String, Object> sexes = new LinkedHashMap<>();
            bySex.forEach((sex, inner) -> sexes.put(sex.name().toLowerCase(java.util.Locale.ROOT), view(inner)));
            stages.put(String.valueOf(stage), sexes);
        });
        view.put("byStage", stages);
        return view;
    }

    private static int year(Integer year) {
        return year == null ? LocalDate.now().getYear() : year;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
