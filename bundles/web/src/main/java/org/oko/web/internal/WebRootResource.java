package org.oko.web.internal;

import static org.oko.web.internal.WebTexts.TEXTS;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Response;

import org.oko.platform.api.Rest;
import org.oko.platform.api.rest.ApiException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The web root: the web UI, static files from this bundle's {@code web/} folder at {@code /}.
 * The API lives under {@code /api}; the UI only ever calls it.
 */
@Component(service = WebRootResource.class, property = Rest.BASE + "=/")
@Path("/")
@PermitAll
public class WebRootResource {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    private Bundle bundle;

    @Reference
    private WebExtensions extensions;

    @Activate
    void activate(BundleContext context) {
        bundle = context.getBundle();
    }

    @GET
    public Response index() throws IOException {
        return file("index.html");
    }

    @GET
    @Path("{path: .+}")
    public Response file(@PathParam("path") String path) throws IOException {
        String safe = StaticPaths.safe(path);
        return serve(safe == null ? null : bundle.getEntry("web/" + safe), safe, path);
    }

    /** A screen's files from the module that brings it ({@link WebExtensions}). */
    @GET
    @Path("ext/{bundle}/{path: .+}")
    public Response extensionFile(@PathParam("bundle") String symbolicName, @PathParam("path") String path) throws IOException {
        return serve(extensions.file(symbolicName, path), StaticPaths.safe(path), "ext/" + symbolicName + "/" + path);
    }

    private Response serve(URL resource, String safe, String path) throws IOException {
        if (resource == null) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "web.no-such-page", path);
        }
        String extension = safe.substring(safe.lastIndexOf('.') + 1);
        CacheControl noCache = new CacheControl();
        noCache.setNoCache(true);
        try (InputStream in = resource.openStream()) {
            return Response.ok(in.readAllBytes(), TYPES.getOrDefault(extension, "application/octet-stream"))
                    .cacheControl(noCache).build();
        }
    }
}
