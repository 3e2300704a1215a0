package org.oko.scheduling.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.platform.api.Rest;
import org.oko.scheduling.internal.notify.Notifications;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/notifications}: the caller's own reminders; nobody reads another person's. */
@Component(service = NotificationsResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/notifications")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @Reference
    private Notifications notifications;

    @GET
    public Map<String, Object> mine(@QueryParam("unread") boolean unreadOnly) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unread", notifications.unread());
        json.put("items", notifications.mine(unreadOnly));
        return json;
    }

    @POST
    @Path("{id}/read")
    public Response read(@PathParam("id") long id) {
        notifications.markRead(id);
        return Response.noContent().build();
    }

    @POST
    @Path("read-all")
    public Map<String, Object> readAll() {
        return Map.of("read", notifications.markAllRead());
    }
}
