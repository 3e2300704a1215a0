package org.oko.users.internal.rest;

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
            throw ApiException.invalid("auth.credentials-missing", "Укажите логин и пароль", "give the login and the password");
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
                throw new AccessDeniedException(true, "Учётная запись не активирована. Обратитесь к координатору учредителя.",
                        "The account is not activated. Ask your founder's coordinator.");
            default:
                throw new AccessDeniedException(false, "Неверный логин или пароль", "Wrong login or password");
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
            throw ApiException.invalid("auth.passwords-missing", "Укажите текущий и новый пароль", "give the current and the new password");
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
        String wait = seconds < 120 ? seconds + " с" : ((seconds + 59) / 60) + " мин";
        ApiException refusal = switch (result.outcome()) {
            case BACKOFF -> new ApiException(ApiException.Kind.TOO_MANY, "auth.backoff",
                    "Несколько неудачных попыток подряд: следующая возможна через " + wait + ".",
                    "Too many failed attempts: retry in " + seconds + " s.");
            case ADDRESS_LOCKED -> new ApiException(ApiException.Kind.TOO_MANY, "auth.address-locked",
                    "Слишком много неудачных попыток входа с вашего адреса. Повторите через " + wait + ".",
                    "Too many failed logins from your address: retry in " + seconds + " s.");
            default -> new ApiException(ApiException.Kind.TOO_MANY, "auth.login-locked",
                    "Вход под этим логином временно заблокирован после неудачных попыток. Повторите через " + wait + ".",
                    "This login is locked after failed attempts: retry in " + seconds + " s.");
        };
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
