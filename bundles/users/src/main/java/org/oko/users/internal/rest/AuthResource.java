package org.oko.users.internal.rest;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.Rest;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.AccessDeniedException;
import org.oko.platform.api.security.Authenticator;
import org.oko.platform.api.security.Caller;
import org.oko.users.internal.LoginService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/auth}: login, the current session, password change, logout. The session lives in an
 * HttpOnly, SameSite=Strict cookie; the CSRF token travels in the JSON and comes back in a header.
 */
@Component(service = AuthResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/auth")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Reference
    private LoginService logins;

    @Context
    private HttpServletRequest http;

    /** Body of a login. */
    public record LoginRequest(String login, String password) {
    }

    /** Body of a password change. */
    public record PasswordChange(String oldPassword, String newPassword) {
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest request) {
        if (request == null || request.login() == null || request.password() == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "auth.credentials-missing");
        }
        LoginService.Result result = logins.login(request.login(), request.password().toCharArray(), address());
        switch (result.outcome()) {
            case OK:
                return withSession(Response.ok(sessionJson(result.caller(), logins.session(result.token()).orElseThrow().csrfToken(),
                        result.mustChangePassword())), result.token()).build();
            case LOCKED:
            case BACKOFF:
            case ADDRESS_LOCKED:
                throw tooMany(result);
            case INACTIVE:
                throw new AccessDeniedException(true, TEXTS.text("auth.inactive"));
            default:
                throw new AccessDeniedException(false, TEXTS.text("auth.wrong"));
        }
    }

    @GET
    @Path("session")
    public Map<String, Object> session(@CookieParam(Authenticator.SESSION_COOKIE) String token) {
        Authenticator.Session session = logins.session(token).orElseThrow();
        return sessionJson(session.caller(), session.csrfToken(), session.caller().roles().isEmpty());
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@CookieParam(Authenticator.SESSION_COOKIE) String token, PasswordChange change) {
        if (change == null || change.oldPassword() == null || change.newPassword() == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "auth.passwords-missing");
        }
        try {
            String fresh = logins.changePassword(token, change.oldPassword().toCharArray(),
                    change.newPassword().toCharArray(), address());
            Authenticator.Session session = logins.session(fresh).orElseThrow();
            return withSession(Response.ok(sessionJson(session.caller(), session.csrfToken(), false)), fresh).build();
        } catch (LoginService.Throttled throttled) {
            throw tooMany(throttled.result());
        }
    }

    /** 429 with the time to wait, in the message and in Retry-After. */
    private static ApiException tooMany(LoginService.Result result) {
        long seconds = result.retryAfterSeconds();
        String code = switch (result.outcome()) {
            case BACKOFF -> "auth.backoff";
            case ADDRESS_LOCKED -> "auth.address-locked";
            default -> "auth.login-locked";
        };
        // {0}: in Russian the wait as people read it (seconds, or minutes from two minutes on), in English the seconds
        String wait = seconds < 120 ? TEXTS.ru("auth.wait-seconds", seconds) : TEXTS.ru("auth.wait-minutes", (seconds + 59) / 60);
        ApiException refusal = new ApiException(ApiException.Kind.TOO_MANY, code,
                new ApiMessage(TEXTS.ru(code + ".text", wait), TEXTS.in("en", code + ".text", seconds)));
        return refusal.withHeader("Retry-After", Long.toString(seconds));
    }

    @POST
    @Path("logout")
    public Response logout(@CookieParam(Authenticator.SESSION_COOKIE) String token) {
        logins.logout(token, address());
        return Response.noContent().header("Set-Cookie", cookie("", 0)).build();
    }

    private Response.ResponseBuilder withSession(Response.ResponseBuilder response, String token) {
        return response.header("Set-Cookie", cookie(token, logins.sessionLifetime().toSeconds()))
                .header("Cache-Control", "no-store");
    }

    private String cookie(String value, long maxAgeSeconds) {
        return Authenticator.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (logins.secureCookies() ? "; Secure" : "");
    }

    private static Map<String, Object> sessionJson(Caller caller, String csrfToken, boolean mustChangePassword) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("login", caller.login());
        body.put("organisationCode", caller.organisationCode());
        body.put("roles", caller.roles());
        body.put("mustChangePassword", mustChangePassword);
        body.put("csrfToken", csrfToken);
        return body;
    }

    private String address() {
        return http == null ? null : http.getRemoteAddr();
    }

}
