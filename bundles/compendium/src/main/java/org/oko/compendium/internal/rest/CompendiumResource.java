package org.oko.compendium.internal.rest;

import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.oko.compendium.internal.CompendiumService;
import org.oko.compendium.internal.Outputs;
import org.oko.compendium.internal.book.CompendiumSpec;
import org.oko.compendium.internal.render.Html;
import org.oko.compendium.internal.store.Edition;
import org.oko.platform.api.Rest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/compendium}: the specs and the chapter sources installed, building an edition (a background job with
 * progress), the editions with their PDF, HTML and XLSX, and their approval and publication (docs/compendium.md).
 */
@Component(service = CompendiumResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/compendium")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CompendiumResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    private CompendiumService service;

    @Reference
    private Outputs outputs;

    /** The specs in use and the chapter sources installed, for the screen to tell which chapters a build will leave out. */
    @GET
    @Path("specs")
    public Map<String, Object> specs() {
        return Map.of("specs", service.specs(), "sources", service.sourceNames());
    }

    @POST
    @Path("specs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publishSpec(Map<String, Object> body) throws Exception {
        CompendiumSpec spec = service.publishSpec(JSON.writeValueAsString(body));
        return Response.status(Response.Status.CREATED).entity(spec).build();
    }

    /** What to build: {@code {"year": 2026, "spec": "region"}} (spec optional). */
    public record BuildRequest(Integer year, String spec) {
    }

    @POST
    @Path("editions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response build(BuildRequest request) {
        return Response.accepted(service.build(request == null ? null : request.year(), request == null ? null : request.spec()).toMap()).build();
    }

    @GET
    @Path("jobs")
    public List<Map<String, Object>> jobs() {
        return service.jobs().stream().map(org.oko.platform.api.jobs.Job::toMap).toList();
    }

    @GET
    @Path("jobs/{id}")
    public Map<String, Object> job(@PathParam("id") long id) {
        return service.job(id).toMap();
    }

    @GET
    @Path("editions")
    public List<Edition> editions(@QueryParam("year") Integer year) throws Exception {
        return service.editions(year);
    }

    @GET
    @Path("editions/{id}")
    public Edition edition(@PathParam("id") long id) throws Exception {
        return service.edition(id);
    }

    /** The edition as {@code compendium.pdf}, {@code .html} or {@code .xlsx}; {@code ?lang=en} in English. */
    @GET
    @Path("editions/{id}/compendium.{format}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") long id, @PathParam("format") String format, @QueryParam("lang") String lang) throws Exception {
        return send(outputs.file(id, format, lang), "html".equals(format));
    }

    @POST
    @Path("editions/{id}/approve")
    public Edition approve(@PathParam("id") long id) throws Exception {
        return service.approve(id);
    }

    @POST
    @Path("editions/{id}/publish")
    public Edition publish(@PathParam("id") long id) throws Exception {
        return service.publish(id);
    }

    @POST
    @Path("editions/{id}/withdraw")
    public Edition withdraw(@PathParam("id") long id) throws Exception {
        return service.withdraw(id);
    }

    @DELETE
    @Path("editions/{id}")
    public Response delete(@PathParam("id") long id) throws Exception {
        service.delete(id);
        return Response.noContent().build();
    }

    /** A file, shown in the browser (HTML, PDF) or saved (XLSX); the HTML page with its own policy, kept by the platform's filter. */
    static Response send(Outputs.File file, boolean inline) {
        Response.ResponseBuilder response = Response.ok(file.content(), file.mediaType()).header("Content-Disposition",
                (inline || file.name().endsWith(".pdf") ? "inline" : "attachment") + "; filename=\"" + file.name() + "\"");
        if (file.name().endsWith(".html")) {
            response.header("Content-Security-Policy", Html.POLICY); // the page's style is inline
        }
        return response.build();
    }
}
