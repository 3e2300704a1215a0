package org.oko.vpr.internal.rest;

import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.io.InputStream;
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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.Rest;
import org.oko.platform.api.Uploads;
import org.oko.platform.api.jobs.Job;
import org.oko.platform.api.security.CallerContext;
import org.oko.vpr.internal.VprService;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.XlsxWriter;
import org.oko.procedure.api.Flag;
import org.oko.vpr.internal.remarking.Remarking;
import org.oko.vpr.internal.report.VprWorkbook;
import org.oko.vpr.internal.spec.TestSpec;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;


/**
 * {@code /api/vpr}: test specs, results imports (background jobs with progress), form 7 of a
 * school beside its territory and the region, the schools' figures, the signs of non-objective
 * results.
 */
@Component(service = VprResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/vpr")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class VprResource {

    /** A region's year is some tens of megabytes; more is not a results file. */
    static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;

    @Reference
    private VprService vpr;

    @Reference
    private Remarking remarking;

    @GET
    @Path("specs")
    public List<TestSpec> specs() {
        return vpr.specs();
    }

    @POST
    @Path("specs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(TestSpec spec) {
        CallerContext.require(VprService.IMPORTERS);
        if (spec == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "vpr.no-spec");
        }
        return Response.status(Response.Status.CREATED).entity(vpr.publish(spec)).build();
    }

    /**
     * The file as the body; {@code test} is the spec key (2026-math-5); {@code replace=true} replaces
     * the works stored for the schools in the file; {@code columns} a JSON object, the file's header → a
     * column id of {@code GET columns} ("" leaves the column out), remembered for the next file once it imports.
     */
    @POST
    @Path("imports")
    @Consumes(MediaType.WILDCARD)
    public Response startImport(@QueryParam("test") String test, @QueryParam("name") @DefaultValue("results.csv") String name,
                                @QueryParam("replace") @DefaultValue("false") boolean replace, @QueryParam("columns") String mapping,
                                InputStream body) throws Exception {
        CallerContext.require(VprService.IMPORTERS); // before reading the body
        Map<String, String> columns = ColumnMapping.chosen(mapping);
        return Response.accepted(job(Uploads.handOver(body, MAX_UPLOAD_BYTES, "oko-vpr-",
                file -> vpr.startImport(test, file, name, replace, columns)))).build();
    }

    /** The columns a results file of {@code test} can have: id, header, whether required. */
    @GET
    @Path("columns")
    public List<Map<String, Object>> columns(@QueryParam("test") String test) {
        if (test == null || test.isBlank()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "vpr.test-required");
        }
        return vpr.columns(test).stream().map(c -> Map.<String, Object>of("id", c.id(), "header", c.header(),
                "required", c.required())).toList();
    }

    @GET
    @Path("imports")
    public Map<String, Object> imports() throws Exception {
        return Map.of("jobs", vpr.jobs().stream().map(VprResource::job).toList(), "history", vpr.history());
    }

    @GET
    @Path("imports/{id}")
    public Map<String, Object> importJob(@PathParam("id") long id) {
        return job(vpr.job(id));
    }

    @GET
    @Path("tests/{test}/form7")
    public VprService.Form7 form7(@PathParam("test") String test, @QueryParam("school") String school,
                                  @QueryParam("territory") String territory) throws Exception {
        return vpr.form7(test, blank(school), blank(territory));
    }

    @GET
    @Path("tests/{test}/schools")
    public List<VprService.SchoolLine> schools(@PathParam("test") String test, @QueryParam("territory") String territory) throws Exception {
        return vpr.schoolLines(test, blank(territory));
    }

    /** The test's tables as the caller may read them, in one workbook (schools, tasks; territories and signs for analysts). */
    @GET
    @Path("tests/{test}/export.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response export(@PathParam("test") String test) throws Exception {
        // Built whole first: a refusal is an error answer, not a broken download.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new VprWorkbook(vpr).write(test, out);
        byte[] workbook = out.toByteArray();
        return Response.ok(workbook, XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"vpr-" + test.replaceAll("[^A-Za-z0-9-]", "_") + ".xlsx\"").build();
    }

    @GET
    @Path("tests/{test}/flags")
    public List<Flag> flags(@PathParam("test") String test) throws Exception {
        return vpr.flags(test);
    }

    @POST
    @Path("tests/{test}/remarking")
    @Consumes(MediaType.APPLICATION_JSON)
    public Remarking.Assigned assignRemarking(@PathParam("test") String test, Remarking.Assignment assignment) throws Exception {
        return remarking.assign(test, assignment);
    }

    @GET
    @Path("tests/{test}/remarking")
    public Remarking.Overview remarking(@PathParam("test") String test) {
        return remarking.overview(test);
    }

    /** An expert's works: only their own, without the school and its scores. */
    @GET
    @Path("remarking/mine")
    public List<Remarking.ExpertWork> myWorks() {
        return remarking.mine();
    }

    public record Scores(List<Integer> scores) {
    }

    @PUT
    @Path("remarking/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Remarking.ExpertWork remark(@PathParam("id") long id, Scores scores) {
        return remarking.remark(id, scores == null ? null : scores.scores());
    }

    /** The platform's job with ВПР's details: test, fileName, bytes, rowsRead, rowsWritten, works, replaced, problems, columns. */
    private static Map<String, Object> job(Job job) {
        return job.toMap();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
