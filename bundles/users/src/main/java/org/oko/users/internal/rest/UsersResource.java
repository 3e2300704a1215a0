package org.oko.users.internal.rest;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.platform.api.Rest;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Role;
import org.oko.users.internal.AccountAdmin;
import org.oko.users.internal.Xlsx;
import org.oko.users.internal.SecurityEventEntity;
import org.oko.users.internal.folders.Folder;
import org.oko.users.internal.folders.FolderHtmlWriter;
import org.oko.users.internal.folders.FolderService;
import org.oko.users.internal.folders.FolderXlsxWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/users}: accounts within the caller's reach, activation, password reset, security events. */
@Component(service = UsersResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/users")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Reference
    private AccountAdmin accounts;

    @Reference
    private CatalogService catalog;

    @Reference
    private FolderService folders;

    @Context
    private HttpServletRequest http;

    /** Body of a new account. */
    public record NewAccount(String login, String fullName, String organisationCode, Set<Role> roles, Boolean active,
                             String position, String phone, String email, String nominatedBy) {
    }

    /** Body of an account change: registry fields and, for the administrator, roles. */
    public record AccountChange(String fullName, String position, String phone, String email, String nominatedBy,
                                Set<Role> roles) {
    }

    @GET
    public List<AccountAdmin.Account> list() {
        return accounts.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAccount request) {
        if (request == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "account.body-missing");
        }
        AccountAdmin.Issued issued = accounts.create(request.login(), new AccountAdmin.Profile(request.fullName(),
                        request.position(), request.phone(), request.email(), request.nominatedBy()),
                request.organisationCode(), request.roles(), request.active() == null || request.active(), address());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", issued.account());
        body.put("oneTimePassword", issued.oneTimePassword());
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store").entity(body).build();
    }

    @PUT
    @Path("{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountAdmin.Account update(@PathParam("login") String login, AccountChange change) {
        if (change == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "account.body-missing");
        }
        return accounts.update(login, new AccountAdmin.Profile(change.fullName(), change.position(), change.phone(),
                change.email(), change.nominatedBy()), change.roles(), address());
    }

    /** Body of an observer's assignment: the organisation codes whose subtrees it may read. */
    public record Observed(List<String> organisations) {
    }

    /** Replaces the organisations an observer is assigned (read-only access to their subtrees). */
    @PUT
    @Path("{login}/observed")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountAdmin.Account observed(@PathParam("login") String login, Observed request) {
        if (request == null || request.organisations() == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "account.observed-missing").withField("organisations");
        }
        return accounts.setObserved(login, request.organisations(), address());
    }

    @POST
    @Path("{login}/approve")
    public AccountAdmin.Account approve(@PathParam("login") String login) {
        return accounts.approve(login, address());
    }

    /** The registry of coordinators (seed 000, appendix 3) as XLSX. */
    @GET
    @Path("registry.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    public Response registry() {
        byte[] file = accounts.registryXlsx(code -> catalog.organisation(code).map(Organisation::shortName).orElse(null));
        return attachment(file, "coordinators");
    }

    @GET
    @Path("events.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    public Response eventsXlsx(@QueryParam("max") @DefaultValue("10000") int max) {
        return attachment(accounts.eventsXlsx(max), "security-events");
    }

    private static Response attachment(byte[] file, String name) {
        return Response.ok(file, Xlsx.MEDIA_TYPE).header("Content-Disposition",
                "attachment; filename=\"" + name + "-" + java.time.LocalDate.now() + ".xlsx\"").build();
    }

    @POST
    @Path("{login}/activate")
    public Response activate(@PathParam("login") String login) {
        return found(() -> accounts.setActive(login, true, address()));
    }

    @POST
    @Path("{login}/deactivate")
    public Response deactivate(@PathParam("login") String login) {
        return found(() -> accounts.setActive(login, false, address()));
    }

    @POST
    @Path("{login}/reset-password")
    public Response resetPassword(@PathParam("login") String login) {
        return Response.ok(Map.of("oneTimePassword", accounts.resetPassword(login, address())))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("events")
    public List<SecurityEventEntity> events(@QueryParam("max") @DefaultValue("500") int max) {
        return accounts.events(max);
    }

    /** Body of a folder generation: the founders whose folders to (re)generate; none or empty means all. */
    public record FolderRequest(List<String> founders) {
    }

    /**
     * Generates the electronic folders in the background (202 with the job; poll {@code GET folders}).
     * Generating a founder's folder again voids the one-time passwords of its previous folder.
     */
    @POST
    @Path("folders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response generateFolders(FolderRequest request) {
        return Response.accepted(folders.start(request == null ? null : request.founders(), systemUrl(), address()).toMap()).build();
    }

    /** The latest generation's progress and the folders ready to download. */
    @GET
    @Path("folders")
    public Map<String, Object> folders() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("job", folders.job());
        result.put("folders", folders.folders());
        return result;
    }

    @GET
    @Path("folders/{code}.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    public Response folderXlsx(@PathParam("code") String code) {
        Folder folder = folder(code);
        javax.ws.rs.core.StreamingOutput body = out -> new FolderXlsxWriter().write(folder, out);
        return secret(Response.ok(body, Xlsx.MEDIA_TYPE), "folder-" + code + ".xlsx");
    }

    /** The printable page of a folder: one sheet per school to cut and hand over. */
    @GET
    @Path("folders/{code}.html")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response folderHtml(@PathParam("code") String code) {
        Folder folder = folder(code);
        return secret(Response.ok(new FolderHtmlWriter().write(folder), MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Content-Security-Policy", FolderHtmlWriter.POLICY), null);
    }

    private Folder folder(String code) {
        return folders.folder(code).orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "folders.not-generated", code));
    }

    // Folders carry passwords: no cache may keep them.
    private static Response secret(Response.ResponseBuilder response, String attachment) {
        response.header("Cache-Control", "no-store");
        if (attachment != null) {
            response.header("Content-Disposition", "attachment; filename=\"" + attachment + "\"");
        }
        return response.build();
    }

    /** The address schools are told to open: the one the administrator used, without the API path. */
    private String systemUrl() {
        if (http == null) {
            return null;
        }
        String url = http.getRequestURL().toString();
        int api = url.indexOf("/api/");
        return api < 0 ? url : url.substring(0, api + 1);
    }

    private static Response found(Runnable action) {
        action.run();
        return Response.noContent().build();
    }

    private String address() {
        return http == null ? null : http.getRemoteAddr();
    }
}
