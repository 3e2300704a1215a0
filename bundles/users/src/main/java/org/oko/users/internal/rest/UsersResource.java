package org.oko.users.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.ClientErrorException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
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
import org.oko.platform.api.security.Role;
import org.oko.users.internal.AccountAdmin;
import org.oko.users.internal.Xlsx;
import org.oko.users.internal.SecurityEventEntity;
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
            throw new BadRequestException("Нет данных учётной записи");
        }
        try {
            AccountAdmin.Issued issued = accounts.create(request.login(), new AccountAdmin.Profile(request.fullName(),
                            request.position(), request.phone(), request.email(), request.nominatedBy()),
                    request.organisationCode(), request.roles(), request.active() == null || request.active(), address());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("account", issued.account());
            body.put("oneTimePassword", issued.oneTimePassword());
            return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store").entity(body).build();
        } catch (IllegalArgumentException invalid) {
            throw new BadRequestException(invalid.getMessage());
        } catch (IllegalStateException taken) {
            throw new ClientErrorException(taken.getMessage(), Response.Status.CONFLICT);
        }
    }

    @PUT
    @Path("{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountAdmin.Account update(@PathParam("login") String login, AccountChange change) {
        if (change == null) {
            throw new BadRequestException("Нет данных учётной записи");
        }
        try {
            return accounts.update(login, new AccountAdmin.Profile(change.fullName(), change.position(), change.phone(),
                    change.email(), change.nominatedBy()), change.roles(), address());
        } catch (NoSuchElementException missing) {
            throw new NotFoundException(missing.getMessage());
        }
    }

    @POST
    @Path("{login}/approve")
    public AccountAdmin.Account approve(@PathParam("login") String login) {
        try {
            return accounts.approve(login, address());
        } catch (NoSuchElementException missing) {
            throw new NotFoundException(missing.getMessage());
        }
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
        try {
            return Response.ok(Map.of("oneTimePassword", accounts.resetPassword(login, address())))
                    .header("Cache-Control", "no-store").build();
        } catch (NoSuchElementException missing) {
            throw new NotFoundException(missing.getMessage());
        }
    }

    @GET
    @Path("events")
    public List<SecurityEventEntity> events(@QueryParam("max") @DefaultValue("500") int max) {
        return accounts.events(max);
    }

    private static Response found(Runnable action) {
        try {
            action.run();
            return Response.noContent().build();
        } catch (NoSuchElementException missing) {
            throw new NotFoundException(missing.getMessage());
        }
    }

    private String address() {
        return http == null ? null : http.getRemoteAddr();
    }
}
