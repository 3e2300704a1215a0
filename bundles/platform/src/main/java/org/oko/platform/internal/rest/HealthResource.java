package org.oko.platform.internal.rest;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.platform.api.Health;
import org.oko.platform.api.HealthService;
import org.oko.platform.api.Rest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/health}: 200 when UP, DEGRADED or READ_ONLY, 503 while STARTING or when the database is DOWN. */
@Component(service = HealthResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/health")
@Path("/")
@PermitAll
public class HealthResource {

    @Reference
    private HealthService healthService;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Health health = healthService.health();
        boolean serving = health.status() == Health.Status.UP || health.status() == Health.Status.DEGRADED
                || health.status() == Health.Status.READ_ONLY;
        Response.Status status = serving ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE;
        return Response.status(status).entity(health).build();
    }
}
