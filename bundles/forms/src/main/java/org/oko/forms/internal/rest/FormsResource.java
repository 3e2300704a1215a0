package org.oko.forms.internal.rest;

import static org.oko.forms.internal.FormsTexts.TEXTS;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.FormInfo;
import org.oko.forms.api.FormProblem;
import org.oko.forms.internal.definition.DefinitionException;
import org.oko.forms.internal.definition.DefinitionParser;
import org.oko.forms.internal.eval.DefinitionChecker;
import org.oko.forms.internal.registry.FormRegistryImpl;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.Rest;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/forms}: the known form versions (available or not), a version's definition, the
 * refused definitions, and the administrator's upload of a bare definition (written into deploy/,
 * where FileInstall makes it live like a dropped file).
 */
@Component(service = FormsResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/forms")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class FormsResource {

    /** Larger definitions than this are not forms but mistakes. */
    static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

    @Reference
    private FormRegistryImpl registry;

    @Reference
    private AuditTrail audit;

    private java.nio.file.Path deployFolder;

    @Activate
    void activate(BundleContext context) {
        String base = context.getProperty("karaf.base");
        deployFolder = java.nio.file.Path.of(base == null ? "." : base, "deploy");
    }

    /** Every known form version; every signed-in role may read definitions (they hold no data). */
    @GET
    public List<FormInfo> forms() {
        CallerContext.require();
        return registry.forms();
    }

    /** A version's definition as published (keys sorted), available or not: exports of removed modules need it. */
    @GET
    @Path("{id}/{version}")
    public Response definition(@PathParam("id") String id, @PathParam("version") int version) {
        CallerContext.require();
        String json = registry.json(id, version).orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "form.not-found", id, version));
        return Response.ok(json, MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
    }

    @GET
    @Path("problems")
    public List<FormProblem> problems() {
        CallerContext.require(Role.ADMINISTRATOR);
        return registry.problems();
    }

    /**
     * Uploads a bare definition: checked at once (400 with every problem), then written to
     * deploy/{id}-v{version}.json; 201 once it is live from that file, 202 if FileInstall has not picked it up
     * within 10 s. A version published before: 200 without writing anything when it is live with the same
     * content, 409 when its content differs (a published version never changes).
     */
    @POST
    @Path("definitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response upload(InputStream body) throws IOException, InterruptedException {
        CallerContext.require(Role.ADMINISTRATOR);
        byte[] bytes = body.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw TEXTS.refusal(ApiException.Kind.TOO_LARGE, "form.definition-too-large");
        }
        String json = new String(bytes, StandardCharsets.UTF_8);
        FormDefinition definition;
        try {
            definition = DefinitionParser.parse(json);
        } catch (DefinitionException invalid) {
            return problems(invalid.problems());
        }
        List<String> found = DefinitionChecker.check(definition);
        if (!found.isEmpty()) {
            return problems(found);
        }
        String key = definition.key();
        switch (registry.compare(definition, json)) {
            case DIFFERENT:
                throw TEXTS.refusal(ApiException.Kind.CONFLICT, "form.version-published", definition.version(), definition.id(),
                        registry.firstSource(definition.id(), definition.version()).orElse("?")).withDetails(Map.of("form", key));
            case SAME_LIVE:
                // Writing a file would only make a second source of the same version, which FileInstall refuses.
                return Response.ok(Map.of("form", key, "source", registry.source(definition.id(), definition.version()).orElse(""),
                        "message", TEXTS.text("form.unchanged").joined())).build();
            default:
                break;
        }
        Files.createDirectories(deployFolder);
        java.nio.file.Path target = deployFolder.resolve(definition.id() + "-v" + definition.version() + ".json");
        String source = "deploy:" + target.getFileName();
        java.nio.file.Path temporary = Files.createTempFile(deployFolder, ".upload-", ".tmp");
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
        // An atomic move: FileInstall never sees a half-written file.
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            // Live from the uploaded file itself, not merely available from some other source.
            if (registry.source(definition.id(), definition.version()).filter(source::equals).isPresent()) {
                audit.record("form.upload", definition.key(), target.getFileName().toString());
                return Response.status(Response.Status.CREATED).entity(Map.of("form", definition.key(), "file", target.getFileName().toString())).build();
            }
            List<FormProblem> refused = registry.problems().stream()
                    .filter(p -> p.source().equals(source)).toList();
            if (!refused.isEmpty()) {
                Files.deleteIfExists(target);
                return problems(refused.stream().map(FormProblem::message).toList());
            }
            Thread.sleep(100);
        }
        return Response.accepted(Map.of("form", definition.key(), "file", target.getFileName().toString())).build();
    }

    private static Response problems(List<String> problems) {
        throw TEXTS.refusal(ApiException.Kind.INVALID, "form.definition-refused")
                .withDetails(Map.of("problems", problems));
    }
}
