package org.oko.platform.internal.rest;

import java.time.Instant;
import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.oko.platform.api.Rest;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.internal.AuditTrailImpl;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/audit}: the audit trail, newest first (administrator). */
@Component(service = AuditResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/audit")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record Entry(Instant at, String actor, String action, String target, String details) {
    }

    @Reference
    private AuditTrailImpl audit;

    @GET
    public List<Entry> latest(@QueryParam("action") @DefaultValue("") String action, @QueryParam("actor") @DefaultValue("") String actor,
                              @QueryParam("max") @DefaultValue("500") int max) {
        CallerContext.require(Role.ADMINISTRATOR);
        return audit.latest(action.trim(), actor.trim(), max).stream()
                .map(e -> new Entry(e.getOccurredAt(), e.getActor(), e.getAction(), e.getTarget(), e.getDetails())).toList();
    }
}
