package org.oko.publication.internal.rest;

import java.net.URI;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.oko.platform.api.Rest;
import org.osgi.service.component.annotations.Component;

/** {@code /schools}: the public catalogue's short address, for links and print, sent on to its page with the query. */
@Component(service = SchoolsAddress.class, property = Rest.BASE + "=/schools")
@Path("/")
@PermitAll
public class SchoolsAddress {

    static final String PAGE = "/ext/org.oko.publication/public/schools.html";

    @GET
    public Response page(@Context UriInfo uri) {
        // Absolute: JAX-RS would resolve a relative location under this resource's base, /schools/ext/….
        URI page = uri.getBaseUriBuilder().replacePath(PAGE).replaceQuery(uri.getRequestUri().getRawQuery()).build();
        return Response.seeOther(page).build();
    }
}
