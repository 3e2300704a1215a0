package org.oko.web.internal;

import java.util.Arrays;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.oko.platform.api.Rest;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/ui/extensions}: the screens that installed modules add for the caller's roles;
 * {@code /api/ui/roles}: the roles of OKO, so the UI lists what the server knows (labels are message keys).
 */
@Component(service = UiResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/ui")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class UiResource {

    @Reference
    private WebExtensions extensions;

    @GET
    @Path("extensions")
    public List<WebExtensions.Published> extensions() {
        Caller caller = CallerContext.require(Role.values());
        return extensions.screensFor(caller.roles());
    }

    @GET
    @Path("roles")
    public List<String> roles() {
        CallerContext.require(Role.values());
        return Arrays.stream(Role.values()).map(Role::name).toList();
    }
}
