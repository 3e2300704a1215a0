package org.oko.platform.internal.rest;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.Provider;

/**
 * The browser-side protections on every answer OKO gives, pages, scripts, API and errors alike:
 * a strict Content-Security-Policy (scripts, styles and everything else from OKO itself only, no
 * inline code, no framing), no MIME sniffing, no referrer beyond OKO. A resource that needs another
 * policy (a printable page with its own style) sets its header itself, and that one is kept.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putIfAbsent("Content-Security-Policy", java.util.List.of(POLICY));
        headers.putIfAbsent("X-Frame-Options", java.util.List.of("DENY"));
        headers.putIfAbsent("X-Content-Type-Options", java.util.List.of("nosniff"));
        headers.putIfAbsent("Referrer-Policy", java.util.List.of("same-origin"));
    }
}
