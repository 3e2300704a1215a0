package org.oko.platform.internal.rest;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import javax.annotation.security.PermitAll;
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
import javax.ws.rs.core.StreamingOutput;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.Rest;
import org.oko.platform.api.Uploads;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.internal.modules.ModuleRecords;
import org.oko.platform.internal.modules.ModulePublisher;
import org.oko.platform.internal.modules.ModuleRepositories;
import org.oko.platform.internal.modules.RepositoryIndex;
import org.oko.platform.internal.schema.Migrations;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/module-repositories}: the administrator's module repositories — add one by URL, see its
 * modules, install, upgrade and roll back; publish a KAR into this installation's own repository,
 * whose files anyone may read under {@code published/} (modules are code, not personal data; a region
 * decides what it publishes).
 */
@Component(service = ModuleRepositoriesResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/module-repositories")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ModuleRepositoriesResource {

    @Reference
    private ModuleRepositories repositories;

    @Reference
    private AuditTrail audit;

    @Reference
    private Migrations steps;

    @Reference
    private ModulePublisher publisher;

    public record Add(String url) {
    }

    public record Install(String repository, String feature, String version) {
    }

    public record Rollback(String feature) {
    }

    @GET
    public List<ModuleRecords.Repository> list() throws Exception {
        return ModuleCalls.answer(() -> repositories.repositories());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(Add request) throws Exception {
        CallerContext.require(Role.ADMINISTRATOR);
        ModuleRecords.Repository added = ModuleCalls.answer(() -> repositories.add(request == null ? null : request.url()));
        audit.record("module.repository.add", added.url(), null);
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @DELETE
    public Response remove(@QueryParam("url") String url) throws Exception {
        ModuleCalls.answer(() -> {
            repositories.remove(url);
            return null;
        });
        audit.record("module.repository.remove", url, null);
        return Response.noContent().build();
    }

    @GET
    @Path("modules")
    public List<ModuleRepositories.Offer> offers(@QueryParam("url") String url) throws Exception {
        return ModuleCalls.answer(() -> repositories.offers(url));
    }

    /** Installs, upgrades or downgrades to the version named; the answer says which it was. */
    @POST
    @Path("install")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response install(Install request) throws Exception {
        CallerContext.require(Role.ADMINISTRATOR);
        if (request == null || blank(request.repository()) || blank(request.feature()) || blank(request.version())) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.give-repository-feature");
        }
        ModuleRepositories.Outcome outcome = ModuleCalls.answer(() -> repositories.install(request.repository(), request.feature().trim(),
                request.version().trim()));
        audited(outcome);
        return Response.status(Response.Status.CREATED).entity(outcome).build();
    }

    @POST
    @Path("rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModuleRepositories.Outcome rollback(Rollback request) throws Exception {
        CallerContext.require(Role.ADMINISTRATOR);
        if (request == null || blank(request.feature())) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.give-feature");
        }
        return audited(ModuleCalls.answer(() -> repositories.rollback(request.feature().trim())));
    }

    @GET
    @Path("history")
    public List<ModuleRecords.Install> history() throws Exception {
        return ModuleCalls.answer(() -> repositories.history());
    }

    /** The upgrade steps a module has had applied here, oldest first. */
    @GET
    @Path("steps")
    public List<Migrations.Applied> steps(@QueryParam("module") String module) throws Exception {
        CallerContext.require(Role.ADMINISTRATOR);
        if (blank(module)) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.give-module-symbolic");
        }
        return ModuleCalls.answer(() -> steps.applied(module.trim()));
    }

    /** Publishes an uploaded KAR into this installation's repository. */
    @POST
    @Path("published")
    @Consumes(MediaType.WILDCARD) // a KAR is a zip whatever the browser calls it; its content is checked
    public Response publish(InputStream body) throws Exception {
        CallerContext.require(Role.ADMINISTRATOR);
        java.nio.file.Path kar = Uploads.save(body, ModuleRepositories.MAX_KAR_BYTES, "oko-kar-");
        try {
            List<RepositoryIndex.Entry> entries = ModuleCalls.answer(() -> publisher.publish(kar));
            entries.forEach(e -> audit.record("module.publish", e.feature(), e.version()));
            return Response.status(Response.Status.CREATED).entity(entries).build();
        } finally {
            Files.deleteIfExists(kar);
        }
    }

    /** A file of this installation's published repository: the index, a KAR, a features XML or a bundle. */
    @GET
    @PermitAll
    @Path("published/{path: .+}")
    public Response published(@PathParam("path") String path) {
        java.nio.file.Path file = publisher.file(path)
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "module.no-such-file"));
        String name = file.getFileName().toString();
        String type = name.endsWith(".json") ? MediaType.APPLICATION_JSON + ";charset=UTF-8"
                : name.endsWith(".xml") || name.endsWith(".pom") ? MediaType.APPLICATION_XML : MediaType.APPLICATION_OCTET_STREAM;
        // A stream, not the File: the JSON provider would otherwise write the file's path.
        StreamingOutput body = out -> Files.copy(file, out);
        return Response.ok(body, type).header("Cache-Control", "no-cache").build();
    }

    private ModuleRepositories.Outcome audited(ModuleRepositories.Outcome outcome) {
        audit.record("module." + outcome.action(), outcome.feature(), outcome.previousVersion() == null ? outcome.version()
                : TEXTS.text("module.audit-previous", outcome.version(), outcome.previousVersion()).joined());
        return outcome;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
