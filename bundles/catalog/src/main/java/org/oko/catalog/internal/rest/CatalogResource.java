package org.oko.catalog.internal.rest;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.catalog.internal.CatalogTexts;
import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.CatalogTransfer;
import org.oko.catalog.api.Contacts;
import org.oko.catalog.api.FileFormat;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.ImportReport;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.Page;
import org.oko.catalog.api.Region;
import org.oko.catalog.api.Territory;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.Rest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** REST API of the catalog under {@value #BASE}. */
@Component(service = CatalogResource.class, property = Rest.BASE + "=" + CatalogResource.BASE)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    static final String BASE = Rest.API_ROOT + "/catalog";

    @Reference
    private CatalogService catalog;

    @Reference
    private CatalogTransfer transfer;

    @Reference
    private AuditTrail audit;

    @GET
    @Path("region")
    public Region region() {
        return catalog.region();
    }

    @GET
    @Path("territories")
    public List<Territory> territories() {
        return catalog.territories();
    }

    @GET
    @Path("territories/{code}")
    public Territory territory(@PathParam("code") String code) {
        return catalog.territory(code).orElseThrow(() -> CatalogTexts.refusal(CatalogException.Reason.NOT_FOUND, "catalog.territory-not-found", code));
    }

    @POST
    @Path("territories")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createTerritory(Territory territory) {
        if (territory == null || territory.version() != 0) {
            throw CatalogTexts.refusal(CatalogException.Reason.INVALID, "catalog.territory-new");
        }
        if (catalog.territory(territory.code()).isPresent()) {
            throw CatalogTexts.refusal(CatalogException.Reason.CONFLICT, "catalog.territory-exists", territory.code());
        }
        Territory saved = catalog.saveTerritory(territory);
        audit.record("catalog.territory.create", saved.code(), saved.name());
        return Response.status(Response.Status.CREATED).entity(saved).build();
    }

    @PUT
    @Path("territories/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Territory updateTerritory(@PathParam("code") String code, Territory territory) {
        sameCode(code, territory == null ? null : territory.code());
        if (catalog.territory(code).isEmpty()) {
            throw CatalogTexts.refusal(CatalogException.Reason.NOT_FOUND, "catalog.territory-not-found", code);
        }
        Territory saved = catalog.saveTerritory(territory);
        audit.record("catalog.territory.update", code, saved.name());
        return saved;
    }

    @GET
    @Path("territories/{code}/organisations")
    public Set<String> organisationsOfTerritory(@PathParam("code") String code) {
        return catalog.underTerritory(code);
    }

    @GET
    @Path("organisations")
    public Page<Organisation> organisations(@QueryParam("territory") String territory,
                                            @QueryParam("founder") String founder,
                                            @QueryParam("founderType") FounderType founderType,
                                            @QueryParam("status") OrganisationStatus status,
                                            @QueryParam("kind") OrganisationKind kind,
                                            @QueryParam("q") String text,
                                            @QueryParam("page") @DefaultValue("0") int page,
                                            @QueryParam("size") @DefaultValue("50") int size) {
        return catalog.organisations(new OrganisationFilter(territory, founder, founderType, status, kind, text), page, size);
    }

    @GET
    @Path("organisations/{code}")
    public Organisation organisation(@PathParam("code") String code) {
        return catalog.organisation(code).orElseThrow(() -> CatalogTexts.refusal(CatalogException.Reason.NOT_FOUND, "catalog.organisation-not-found", code));
    }

    @POST
    @Path("organisations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Organisation organisation) {
        if (organisation == null) {
            throw CatalogTexts.refusal(CatalogException.Reason.INVALID, "catalog.organisation-missing");
        }
        Organisation created = catalog.create(organisation);
        audit.record("catalog.organisation.create", created.code(), created.fullName());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    /** The body carries the version it was read with; a concurrent change answers 409. */
    @PUT
    @Path("organisations/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Organisation update(@PathParam("code") String code, Organisation organisation) {
        sameCode(code, organisation == null ? null : organisation.code());
        Organisation updated = catalog.update(organisation);
        audit.record("catalog.organisation.update", code, TEXTS.ru("catalog.audit.version", updated.version()));
        return updated;
    }

    @POST
    @Path("organisations/{code}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public Organisation close(@PathParam("code") String code, CloseRequest request) {
        if (request == null) {
            throw CatalogTexts.refusal(CatalogException.Reason.INVALID, "catalog.close-missing");
        }
        Organisation closed = catalog.close(code, request.closedOn(), request.successorCode(), request.version());
        audit.record("catalog.organisation.close", code, request.successorCode() == null
                ? TEXTS.ru("catalog.audit.closed", request.closedOn()) : TEXTS.ru("catalog.audit.closed-successor", request.closedOn(), request.successorCode()));
        return closed;
    }

    /** The organisation's contacts; with none stored yet, empty ones of version 0 (what a first write carries). */
    @GET
    @Path("organisations/{code}/contacts")
    public Contacts contacts(@PathParam("code") String code) {
        organisation(code);
        return catalog.contacts(code).orElse(Contacts.NONE);
    }

    /** The body carries the version it was read with ({@code version}); a concurrent change answers 409. */
    @PUT
    @Path("organisations/{code}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Contacts saveContacts(@PathParam("code") String code, Contacts contacts) {
        if (contacts == null) {
            throw CatalogTexts.refusal(CatalogException.Reason.INVALID, "catalog.contacts-missing");
        }
        Contacts saved = catalog.saveContacts(code, contacts);
        audit.record("catalog.organisation.contacts", code, TEXTS.ru("catalog.audit.contacts", saved.version()));
        return saved;
    }

    @GET
    @Path("organisations/{code}/subtree")
    public Set<String> subtree(@PathParam("code") String code) {
        return catalog.subtree(code);
    }

    /** Upload the file as the request body; {@code ?dryRun=true} only checks it. */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    public ImportReport importFile(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                   @QueryParam("createTerritories") @DefaultValue("false") boolean createTerritories,
                                   @QueryParam("columns") String columns,
                                   @QueryParam("name") String name,
                                   InputStream body) throws java.io.IOException {
        if (name == null) {
            name = TEXTS.ru("catalog.import.default-name");
        }
        ImportReport report = transfer.importFile(name, body,
                new org.oko.catalog.api.ImportOptions(dryRun, createTerritories, org.oko.tables.api.ColumnMapping.chosen(columns)));
        if (report.applied()) {
            audit.record("catalog.import", name, TEXTS.ru(createTerritories && !report.newTerritories().isEmpty()
                    ? "catalog.audit.import-territories" : "catalog.audit.import", report.rows(), report.created(), report.changed(),
                    report.unchanged(), report.newTerritories().size()));
        }
        return report;
    }

    /** The catalogue's columns an import can fill, for choosing what a file's column means. */
    @GET
    @Path("columns")
    public java.util.List<Map<String, Object>> columns() {
        return java.util.Arrays.stream(org.oko.catalog.internal.io.CatalogColumns.values())
                .map(c -> Map.<String, Object>of("id", c.name(), "header", c.header(), "required", c.required())).toList();
    }

    @GET
    @Path("export")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"})
    public Response export(@QueryParam("format") @DefaultValue("xlsx") String format,
                           @QueryParam("territory") String territory,
                           @QueryParam("founder") String founder,
                           @QueryParam("founderType") FounderType founderType,
                           @QueryParam("status") OrganisationStatus status,
                           @QueryParam("kind") OrganisationKind kind,
                           @QueryParam("q") String text) {
        FileFormat fileFormat = parseFormat(format);
        OrganisationFilter filter = new OrganisationFilter(territory, founder, founderType, status, kind, text);
        // Written here, while the request's caller is set; a catalog file is well under a megabyte.
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            transfer.export(fileFormat, filter, body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String fileName = "catalog-" + LocalDate.now() + "." + fileFormat.extension();
        return Response.ok(body.toByteArray(), fileFormat.mediaType() + (fileFormat == FileFormat.CSV ? "; charset=UTF-8" : ""))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private static FileFormat parseFormat(String format) {
        for (FileFormat candidate : FileFormat.values()) {
            if (candidate.extension().equalsIgnoreCase(format)) {
                return candidate;
            }
        }
        throw CatalogTexts.refusal(CatalogException.Reason.INVALID, "catalog.export-format", format);
    }

    private static void sameCode(String path, String body) {
        if (body == null || !body.equals(path)) {
            throw CatalogTexts.refusal(CatalogException.Reason.INVALID, "catalog.code-mismatch", path, body);
        }
    }

    /** Body of a close request. */
    public record CloseRequest(LocalDate closedOn, String successorCode, long version) {
    }
}
