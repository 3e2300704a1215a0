package org.oko.platform.internal.rest;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.ModuleInfo;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.Rest;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.internal.ModuleManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/modules}: the administrator's module management — the installed OKO modules with
 * state and problems; install (a feature, a bundle URL, or an uploaded jar), start, stop, remove.
 */
@Component(service = ModulesResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/modules")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource {

    @Reference
    private AuditTrail audit;

    @Reference
    private ModuleManager manager;

    /** Body of an install: a feature (with its repository URL when not yet known) or a bundle location. */
    public record Install(String repository, String feature, String location) {
    }

    @GET
    public List<ModuleInfo> list() {
        return manager.modules();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response install(Install request) {
        CallerContext.require(Role.ADMINISTRATOR); // before looking at the body: others learn nothing from it
        return installed(() -> {
            if (request != null && request.feature() != null && !request.feature().isBlank()) {
                return manager.installFeature(request.repository(), request.feature().trim());
            }
            if (request != null && request.location() != null && !request.location().isBlank()) {
                return manager.installLocation(request.location());
            }
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.give-feature-location");
        });
    }

    /** An uploaded module jar (Content-Type application/java-archive or application/octet-stream). */
    @POST
    @Consumes({"application/java-archive", "application/x-java-archive", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(InputStream body) {
        CallerContext.require(Role.ADMINISTRATOR);
        return installed(() -> manager.installUpload(readLimited(body)));
    }

    @POST
    @Path("{symbolicName}/start")
    public ModuleInfo start(@PathParam("symbolicName") String symbolicName) {
        return audited("module.start", ModuleCalls.answer(() -> manager.start(symbolicName)));
    }

    @POST
    @Path("{symbolicName}/stop")
    public ModuleInfo stop(@PathParam("symbolicName") String symbolicName) {
        return audited("module.stop", ModuleCalls.answer(() -> manager.stop(symbolicName)));
    }

    @DELETE
    @Path("{symbolicName}")
    public Response uninstall(@PathParam("symbolicName") String symbolicName) {
        ModuleCalls.answer(() -> {
            manager.uninstall(symbolicName);
            return null;
        });
        audit.record("module.remove", symbolicName, null);
        return Response.noContent().build();
    }

    private Response installed(ModuleCalls.Call<ModuleInfo> action) {
        return Response.status(Response.Status.CREATED).entity(audited("module.install", ModuleCalls.answer(action))).build();
    }

    private ModuleInfo audited(String action, ModuleInfo module) {
        audit.record(action, module.symbolicName(), module.name() + " " + module.version() + ", " + module.state());
        return module;
    }

    private static byte[] readLimited(InputStream body) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, ModuleManager.MAX_UPLOAD_BYTES + 1));
            if (bytes.length > ModuleManager.MAX_UPLOAD_BYTES) {
                throw TEXTS.refusal(ApiException.Kind.TOO_LARGE, "module.file-too-large", ModuleManager.MAX_UPLOAD_BYTES / 1024 / 1024);
            }
            return bytes;
        } catch (IOException e) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.cannot-read-upload", e.getMessage());
        }
    }
}
