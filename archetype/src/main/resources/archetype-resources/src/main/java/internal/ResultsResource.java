package ${package}.internal;

import static ${package}.internal.ModuleTexts.TEXTS;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.Rest;
import org.oko.platform.api.Uploads;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.XlsxWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;


/**
 * {@code /api/${moduleId}}: the specs, the columns of a results file, imports as jobs, the aggregate and
 * its workbook. Every method checks the caller's role, and a school's figures its scope; the platform
 * serves the resource with OKO's JSON, errors and login check. Each endpoint needs its row in OKO's
 * authorisation matrix once the module ships with OKO.
 */
@Component(service = ResultsResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/${moduleId}")
@javax.ws.rs.Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    static final Role[] IMPORTERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};
    /** Territories and the region. */
    static final Role[] ANALYSTS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL, Role.FOUNDER_COORDINATOR};
    /** A school beside its territory and the region, within the caller's scope. */
    static final Role[] READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL,
        Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR};
    static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    @Reference
    private Rounds rounds;

    @Reference
    private ResultsImport imports;

    @Reference
    private Aggregates aggregates;

    @GET
    @javax.ws.rs.Path("specs")
    public List<Spec> specs() {
        CallerContext.require(READERS);
        return rounds.all();
    }

    /** For the web UI's column choice ({@code /lib/columns.js}). */
    @GET
    @javax.ws.rs.Path("columns")
    public List<Map<String, Object>> columns() {
        CallerContext.require(IMPORTERS);
        return Columns.ALL.stream().map(c -> Map.<String, Object>of("id", c.id(), "header", c.header(), "required", c.required())).toList();
    }

    /** The file as the body; {@code columns}: a JSON object, the file's header → a column id ("" leaves it out). */
    @POST
    @javax.ws.rs.Path("imports")
    @Consumes(MediaType.WILDCARD)
    public Response startImport(@QueryParam("spec") String key, @QueryParam("name") @DefaultValue("results.csv") String name,
                                @QueryParam("columns") String columns, InputStream body) throws Exception {
        CallerContext.require(IMPORTERS); // before reading the body
        if (key == null || key.isBlank()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "${moduleId}.spec-required");
        }
        Spec spec = rounds.get(key);
        Map<String, String> chosen = ColumnMapping.chosen(columns);
        // The job owns the file once it has started; a refusal before that deletes it.
        return Response.accepted(Uploads.handOver(body, MAX_UPLOAD_BYTES, "oko-${moduleId}-", file -> imports.start(spec, file, name, chosen))
                .toMap()).build();
    }

    @GET
    @javax.ws.rs.Path("imports/{id}")
    public Map<String, Object> importJob(@PathParam("id") long id) {
        CallerContext.require(IMPORTERS);
        return imports.job(id).toMap();
    }

    /** With {@code school}: the school, its territory and the region; without: the territories and the region. */
    @GET
    @javax.ws.rs.Path("specs/{key}/summary")
    public Aggregates.Answer summary(@PathParam("key") String key, @QueryParam("school") String school) throws Exception {
        Caller caller = CallerContext.require(READERS);
        Optional<String> asked = Optional.ofNullable(school).filter(s -> !s.isBlank());
        if (asked.isPresent() ? !caller.scope().contains(asked.get()) : !caller.hasAnyRole(ANALYSTS)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "${moduleId}.no-such-school"); // hidden, not forbidden
        }
        return aggregates.answer(rounds.get(key), asked);
    }

    @GET
    @javax.ws.rs.Path("specs/{key}/export.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response export(@PathParam("key") String key) throws Exception {
        CallerContext.require(ANALYSTS);
        ByteArrayOutputStream out = new ByteArrayOutputStream(); // whole first: a refusal is an error answer, not a broken file
        Workbook.write(aggregates.answer(rounds.get(key), Optional.empty()), out);
        return Response.ok(out.toByteArray(), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"${moduleId}-" + key + ".xlsx\"").build();
    }
}
