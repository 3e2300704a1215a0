package org.oko.compendium.internal.rest;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.compendium.internal.CompendiumService;
import org.oko.compendium.internal.Outputs;
import org.oko.compendium.internal.store.Edition;
import org.oko.platform.api.Rest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/public/compendium}: the published compendia for everyone, no login, no session, cacheable — the list
 * (year, edition, who approved it, when published) and each year's files. A year without a published edition is 404.
 */
@Component(service = PublicCompendiumResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/public/compendium")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicCompendiumResource {

    /** Five minutes, as the public catalogue's default: a new publication shows within them. */
    private static final int MAX_AGE = 300;

    @Reference
    private CompendiumService service;

    @Reference
    private Outputs outputs;

    /** A published edition as the public sees it: the approver by name (null when not named), never by login. */
    public record Published(int year, int edition, String title, String approvedBy, java.time.Instant approvedAt, java.time.Instant publishedAt,
                            long pdfSize) {
    }

    @GET
    public Response list() throws Exception {
        List<Published> published = service.published().stream()
                .map(e -> new Published(e.year(), e.edition(), e.title(), e.approverName(), e.approvedAt(), e.publishedAt(), e.pdfSize())).toList();
        return kept(Response.ok(published));
    }

    @GET
    @Path("{year}/compendium.{format}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("year") int year, @PathParam("format") String format, @QueryParam("lang") String lang) throws Exception {
        Response sent = CompendiumResource.send(outputs.published(year, format, lang), "html".equals(format));
        return kept(Response.fromResponse(sent));
    }

    private static Response kept(Response.ResponseBuilder response) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE);
        cache.setNoTransform(false);
        return response.cacheControl(cache).build();
    }
}
