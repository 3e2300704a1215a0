package org.oko.platform.internal.rest;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.annotation.Priority;
import javax.annotation.security.PermitAll;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;

import javax.ws.rs.ext.Provider;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.AccessDeniedException;
import org.oko.platform.api.security.Authenticator;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;

/**
 * Sets the caller of every request from its session cookie. Endpoints are closed unless marked
 * {@code @PermitAll}: without a session they answer 401, and while no authenticator is installed
 * they answer 503. State-changing requests of a session must echo its CSRF token; to a public
 * endpoint one that does not is made as an anonymous caller.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Supplier<Authenticator> authenticator;

    @Context
    private ResourceInfo resourceInfo;

    public AuthFilter(Supplier<Authenticator> authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        CallerContext.set(Caller.ANONYMOUS);
        boolean open = isPublic();
        Authenticator current = authenticator.get();
        if (current == null) {
            if (!open) {
                request.abortWith(ErrorMapper.json(TEXTS.refusal(ApiException.Kind.UNAVAILABLE, "auth.unavailable")));
            }
            return;
        }
        Cookie cookie = request.getCookies().get(Authenticator.SESSION_COOKIE);
        Optional<Authenticator.Session> session = current.session(cookie == null ? null : cookie.getValue());
        if (session.isEmpty()) {
            if (!open) {
                request.abortWith(ErrorMapper.json(new AccessDeniedException(false, TEXTS.text("access.unauthenticated"))));
            }
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod())
                && !session.get().csrfToken().equals(request.getHeaderString(Authenticator.CSRF_HEADER))) {
            if (open) {
                return; // a public endpoint (a survey's answer) goes on as anonymous: without the token no session's rights apply
            }
            request.abortWith(ErrorMapper.json(TEXTS.refusal(ApiException.Kind.FORBIDDEN, "auth.csrf")));
            return;
        }
        CallerContext.set(session.get().caller());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CallerContext.set(null);
    }

    private boolean isPublic() {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo == null ? null : resourceInfo.getResourceClass();
        return (method != null && method.isAnnotationPresent(PermitAll.class))
                || (type != null && type.isAnnotationPresent(PermitAll.class));
    }
}
