package org.oko.olympiad.internal.rest;

import static org.oko.olympiad.internal.OlympiadTexts.TEXTS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.olympiad.internal.OlympiadReports;
import org.oko.olympiad.internal.OlympiadService;
import org.oko.olympiad.internal.admission.Admission;
import org.oko.olympiad.internal.report.Count;
import org.oko.olympiad.internal.report.Tally;
import org.oko.olympiad.internal.results.Columns;
import org.oko.olympiad.internal.rules.Judgement;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.year.OlympiadYear;
import org.oko.olympiad.internal.year.Years;
import org.oko.platform.api.Rest;
import org.oko.platform.api.Uploads;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.CallerContext;
import org.oko.procedure.api.Flag;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.ColumnSpec;
import org.oko.tables.api.XlsxWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /api/olympiad}: the olympiad years, results and scores imports (background jobs with progress), the
 * scores typed in, the counts per school, territory and region (also as XLSX), admission lists per
 * municipality, the files' statuses the rules would not give, and the signs of non-objective results.
 */
@Component(service = OlympiadResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/olympiad")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OlympiadResource {

    /** A region's stage is some megabytes; more is not a results file. */
    static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    private OlympiadService olympiad;

    @Reference
    private OlympiadReports reports;

    @Reference
    private Years years;

    // ---- years -----------------------------------------------------------------------------

    @GET
    @Path("years")
    public List<OlympiadYear> years() {
        CallerContext.require(OlympiadReports.READERS);
        return years.all();
    }

    /** Publishes a year (the JSON of {@code docs/olympiad.md}): a new year or a newer version of one. */
    @POST
    @Path("years")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(Map<String, Object> year) throws IOException {
        if (year == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "olympiad.no-year-body");
        }
        return Response.status(Response.Status.CREATED).entity(years.publish(JSON.writeValueAsString(year))).build();
    }

    // ---- imports ---------------------------------------------------------------------------

    /** The columns of a results file ({@code kind=results}) or a scores file ({@code kind=scores}). */
    @GET
    @Path("columns")
    public List<Map<String, Object>> columns(@QueryParam("kind") @DefaultValue("results") String kind) {
        CallerContext.require("scores".equals(kind) ? OlympiadService.SCORE_SETTERS : OlympiadService.IMPORTERS);
        List<ColumnSpec> columns = "scores".equals(kind) ? Columns.SCORES : Columns.RESULTS;
        return columns.stream().map(c -> Map.<String, Object>of("id", c.id(), "header", c.header(), "required", c.required())).toList();
    }

    /** A stage's results file as the body; {@code columns} as for every import of the kit. */
    @POST
    @Path("imports")
    @Consumes(MediaType.WILDCARD)
    public Response startImport(@QueryParam("year") Integer year, @QueryParam("stage") String stage,
                                @QueryParam("name") @DefaultValue("results.csv") String name, @QueryParam("columns") String mapping,
                                InputStream body) throws Exception {
        int y = year(year);
        olympiad.importableStage(y, stage); // the caller's right, before the body is read
        Map<String, String> columns = ColumnMapping.chosen(mapping);
        return Response.accepted(Uploads.handOver(body, MAX_UPLOAD_BYTES, "oko-olympiad-",
                file -> olympiad.startImport(y, stage, file, name, columns)).toMap()).build();
    }

    @GET
    @Path("imports/{id}")
    public Map<String, Object> importJob(@PathParam("id") long id) {
        return olympiad.job(OlympiadService.IMPORT_JOB, id).toMap();
    }

    // ---- scores ----------------------------------------------------------------------------

    @GET
    @Path("scores")
    public List<Scores.Setting> scores(@QueryParam("year") Integer year) throws Exception {
        return reports.scores(year(year));
    }

    /** Scores typed in: {"scores": [{subject, grade, territory, max, passing}, …]}, all or none. */
    @PUT
    @Path("scores")
    @Consumes(MediaType.APPLICATION_JSON)
    @SuppressWarnings("unchecked")
    public List<Scores.Setting> setScores(@QueryParam("year") Integer year, @QueryParam("stage") String stage,
                                          Map<String, Object> body) throws Exception {
        Object rows = body == null ? null : body.get("scores");
        if (!(rows instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(Map.class::isInstance)) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "olympiad.no-scores-body");
        }
        return olympiad.setScores(year(year), stage, (List<Map<String, Object>>) rows);
    }

    @POST
    @Path("scores/imports")
    @Consumes(MediaType.WILDCARD)
    public Response startScoresImport(@QueryParam("year") Integer year, @QueryParam("stage") String stage,
                                      @QueryParam("name") @DefaultValue("scores.csv") String name, @QueryParam("columns") String mapping,
                                      InputStream body) throws Exception {
        CallerContext.require(OlympiadService.SCORE_SETTERS);
        Map<String, String> columns = ColumnMapping.chosen(mapping);
        return Response.accepted(Uploads.handOver(body, MAX_UPLOAD_BYTES, "oko-olympiad-scores-",
                file -> olympiad.startScoresImport(year(year), stage, file, name, columns)).toMap()).build();
    }

    @GET
    @Path("scores/imports/{id}")
    public Map<String, Object> scoresJob(@PathParam("id") long id) {
        return olympiad.job(OlympiadService.SCORES_JOB, id).toMap();
    }

    // ---- counts ----------------------------------------------------------------------------

    /** A year's counts: a school's (within the caller's scope), its territory's or the given one's, and the region's. */
    @GET
    @Path("counts")
    public Map<String, Object> counts(@QueryParam("year") Integer year, @QueryParam("school") String school,
                                      @QueryParam("territory") String territory) throws Exception {
        OlympiadReports.Report report = reports.counts(year(year), blank(school), blank(territory));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("year", report.year());
        answer.put("school", view(report.school()));
        answer.put("territory", view(report.territory()));
        answer.put("region", view(report.region()));
        return answer;
    }

    /** Every school's counts of a year within the caller's scope: a line each with every stage's figures. */
    @GET
    @Path("schools")
    public List<Map<String, Object>> schools(@QueryParam("year") Integer year) throws Exception {
        return reports.schoolCounts(year(year)).entrySet().stream().map(e -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", e.getKey());
            line.put("all", count(e.getValue().all()));
            Map<String, Object> stages = new LinkedHashMap<>();
            e.getValue().byStage().forEach((stage, count) -> stages.put(stage, count(count)));
            line.put("stages", stages);
            return line;
        }).toList();
    }

    @GET
    @Path("schools/{school}/participations")
    public List<OlympiadReports.Line> participations(@PathParam("school") String school, @QueryParam("year") Integer year) throws Exception {
        return reports.participations(school, year(year));
    }

    /** The counts as a workbook: schools within scope, territories and the region by stage; the region by stage and subject, and grade. */
    @GET
    @Path("counts.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response countsXlsx(@QueryParam("year") Integer year) throws Exception {
        int y = year(year);
        OlympiadYear spec = reports.year(y);
        Map<String, Tally> schools = reports.schoolCounts(y);
        Map<String, Tally> territories = reports.territoryCounts(y);
        Tally region = reports.counts(y, null, null).region();
        ByteArrayOutputStream out = new ByteArrayOutputStream(); // built whole first: a refusal is an answer, not a broken download
        try (XlsxWriter xlsx = new XlsxWriter()) {
            List<String> headers = List.of(TEXTS.ru("olympiad.xlsx.code"), TEXTS.ru("olympiad.xlsx.stage"), TEXTS.ru("olympiad.xlsx.participations"),
                    TEXTS.ru("olympiad.xlsx.participants"), TEXTS.ru("olympiad.xlsx.winners"), TEXTS.ru("olympiad.xlsx.prize-winners"),
                    TEXTS.ru("olympiad.xlsx.awarded-people"));
            xlsx.sheet(TEXTS.ru("olympiad.xlsx.schools"), headers);
            schools.forEach((code, tally) -> rows(xlsx, code, tally, spec));
            xlsx.sheet(TEXTS.ru("olympiad.xlsx.territories"), headers);
            territories.forEach((code, tally) -> rows(xlsx, code, tally, spec));
            xlsx.sheet(TEXTS.ru("olympiad.xlsx.region"), headers);
            rows(xlsx, TEXTS.ru("olympiad.xlsx.region"), region, spec);
            xlsx.sheet(TEXTS.ru("olympiad.xlsx.by-subject"), headers);
            for (OlympiadYear.Stage stage : spec.stages()) {
                region.bySubject(stage.code()).forEach((subject, count) -> xlsx.row(row(
                        spec.subject(subject).map(OlympiadYear.Subject::name).orElse(subject), stage.name(), count)));
            }
            xlsx.sheet(TEXTS.ru("olympiad.xlsx.by-grade"), headers);
            for (OlympiadYear.Stage stage : spec.stages()) {
                region.byGrade(stage.code()).forEach((grade, count) -> xlsx.row(row(TEXTS.ru("olympiad.xlsx.grade", grade), stage.name(), count)));
            }
            xlsx.write(out);
        }
        return attachment(out, "olympiad-" + y + ".xlsx");
    }

    private static void rows(XlsxWriter xlsx, String code, Tally tally, OlympiadYear spec) {
        xlsx.row(row(code, TEXTS.ru("olympiad.xlsx.all-stages"), tally.all()));
        for (OlympiadYear.Stage stage : spec.stages()) {
            xlsx.row(row(code, stage.name(), tally.stage(stage.code())));
        }
    }

    private static Object[] row(String code, String stage, Count count) {
        return new Object[] {code, stage, count.participations(), count.participants(), count.winners(), count.prizeWinners(),
                count.awardedPeople()};
    }

    // ---- admission, disagreements, signs ----------------------------------------------------

    @GET
    @Path("admission")
    public Admission.Result admission(@QueryParam("year") Integer year, @QueryParam("stage") String stage,
                                      @QueryParam("territory") String territory) throws Exception {
        return reports.admission(year(year), stage, blank(territory));
    }

    /** The admission list as a workbook, a sheet per municipality, for each municipality to send its own on. */
    @GET
    @Path("admission.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response admissionXlsx(@QueryParam("year") Integer year, @QueryParam("stage") String stage) throws Exception {
        int y = year(year);
        OlympiadYear spec = reports.year(y);
        Admission.Result result = reports.admission(y, stage, null);
        Map<String, List<Admission.Admitted>> byTerritory = new TreeMap<>();
        result.admitted().forEach(a -> byTerritory.computeIfAbsent(a.territory() == null ? "—" : a.territory(), t -> new java.util.ArrayList<>()).add(a));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = new XlsxWriter()) {
            List<String> headers = List.of(TEXTS.ru("olympiad.xlsx.participant"), TEXTS.ru("olympiad.xlsx.school"), TEXTS.ru("olympiad.xlsx.subject"),
                    TEXTS.ru("olympiad.xlsx.grade-column"), TEXTS.ru("olympiad.xlsx.score"), TEXTS.ru("olympiad.xlsx.passing"),
                    TEXTS.ru("olympiad.xlsx.basis"));
            if (byTerritory.isEmpty()) {
                xlsx.sheet(TEXTS.ru("olympiad.xlsx.admission"), headers);
            }
            byTerritory.forEach((territory, admitted) -> {
                xlsx.sheet(territory, headers);
                admitted.forEach(a -> xlsx.row(new Object[] {a.participant(), a.school(),
                        spec.subject(a.subject()).map(OlympiadYear.Subject::name).orElse(a.subject()), a.grade(), a.score(), a.passing(),
                        String.join(", ", a.bases().stream().map(OlympiadResource::basis).toList())}));
            });
            xlsx.write(out);
        }
        return attachment(out, "olympiad-" + y + "-" + result.next() + "-admission.xlsx");
    }

    @GET
    @Path("disagreements")
    public List<Map<String, Object>> disagreements(@QueryParam("year") Integer year) throws Exception {
        return reports.disagreements(year(year)).stream().map(OlympiadResource::view).toList();
    }

    @GET
    @Path("undecided")
    public List<Judgement.Undecided> undecided(@QueryParam("year") Integer year) throws Exception {
        return reports.undecided(year(year));
    }

    /** The signs on schools within the caller's scope. */
    @GET
    @Path("flags")
    public List<Flag> flags(@QueryParam("year") Integer year) throws Exception {
        return reports.flags(year(year)).values().stream().flatMap(List::stream).toList();
    }

    private static String basis(String basis) {
        return TEXTS.ru(Admission.BY_SCORE.equals(basis) ? "olympiad.basis.score" : "olympiad.basis.last-year");
    }

    // ---- views -----------------------------------------------------------------------------

    private static Map<String, Object> view(Judgement.Disagreement d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("participant", d.participation().participant());
        view.put("school", d.participation().school());
        view.put("stage", d.participation().stage());
        view.put("subject", d.participation().subject());
        view.put("grade", d.participation().grade());
        view.put("score", d.participation().score());
        view.put("fileStatus", d.file());
        view.put("computed", d.computed());
        return view;
    }

    /** A tally as JSON: every stage together, then each stage with its subjects and grades. */
    static Map<String, Object> view(Tally tally) {
        if (tally == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("all", count(tally.all()));
        Map<String, Object> stages = new LinkedHashMap<>();
        tally.byStage().forEach((stage, count) -> {
            Map<String, Object> line = count(count);
            Map<String, Object> subjects = new LinkedHashMap<>();
            tally.bySubject(stage).forEach((subject, c) -> subjects.put(subject, count(c)));
            line.put("bySubject", subjects);
            Map<String, Object> grades = new LinkedHashMap<>();
            tally.byGrade(stage).forEach((grade, c) -> grades.put(String.valueOf(grade), count(c)));
            line.put("byGrade", grades);
            stages.put(stage, line);
        });
        view.put("stages", stages);
        return view;
    }

    static Map<String, Object> count(Count count) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("participations", count.participations());
        view.put("participants", count.participants());
        view.put("winners", count.winners());
        view.put("prizeWinners", count.prizeWinners());
        view.put("awardedPeople", count.awardedPeople());
        view.put("awardShare", Math.round(count.awardShare() * 1000) / 10.0);
        return view;
    }

    private static Response attachment(ByteArrayOutputStream out, String name) {
        return Response.ok(out.toByteArray(), XlsxWriter.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** The academic year asked, or the current one: 2025/26 from September 2025 to August 2026. */
    static int year(Integer year) {
        LocalDate today = LocalDate.now();
        return year != null ? year : today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
