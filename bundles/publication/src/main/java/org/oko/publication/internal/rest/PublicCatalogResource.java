package org.oko.publication.internal.rest;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.catalog.api.Territory;
import org.oko.platform.api.Rest;
import org.oko.publication.internal.PublicCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The public school catalogue's API: no login, no session, answers that browsers and proxies may keep for a while
 * ({@code max.age}); what is not published answers 404, as if it did not exist.
 */
@Component(service = PublicCatalogResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/public/schools")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicCatalogResource {

    @Reference
    private PublicCatalog catalog;

    /** {@code ?q=} (name or code), {@code &territory=}, {@code &page=} from 0, {@code &size=} up to 100. */
    @GET
    public Response search(@QueryParam("q") String query, @QueryParam("territory") String territory,
                           @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return kept(catalog.search(query, territory, page, size));
    }

    @GET
    @Path("territories")
    public Response territories() {
        List<Territory> territories = catalog.territories();
        return kept(territories.stream().map(t -> new Place(t.code(), t.name())).toList());
    }

    @GET
    @Path("{code}")
    public Response card(@PathParam("code") String code) {
        return kept(catalog.card(code));
    }

    @GET
    @Path("{code}/results/{procedure}")
    public Response results(@PathParam("code") String code, @PathParam("procedure") String procedure) {
        return kept(catalog.results(code, procedure));
    }

    /** A territory as the filter lists it. */
    public record Place(String code, String name) {
    }

    private Response kept(Object body) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(catalog.maxAge());
        cache.setPrivate(false);
        cache.setNoTransform(false);
        return Response.ok(body).cacheControl(cache).build();
    }
}
