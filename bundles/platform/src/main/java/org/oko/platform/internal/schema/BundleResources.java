package org.oko.platform.internal.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;

import liquibase.resource.AbstractResource;
import liquibase.resource.AbstractResourceAccessor;
import liquibase.resource.Resource;

/**
 * Liquibase's view of one bundle's files: a path {@code <symbolic name>/<entry>} is the bundle's entry, so that
 * the history table names every change set by its module ({@code FILENAME} starts with the module), and two
 * modules' {@code OKO-INF/db/changelog.xml} never meet. Generated texts (the change log made of a module's
 * plain SQL steps) are served from memory under the same prefix.
 */
final class BundleResources extends AbstractResourceAccessor {

    private final Bundle bundle;
    private final String prefix;
    private final Map<String, String> generated;

    BundleResources(Bundle bundle, Map<String, String> generated) {
        this.bundle = bundle;
        this.prefix = bundle.getSymbolicName() + "/";
        this.generated = generated;
    }

    static String path(Bundle bundle, String entry) {
        return bundle.getSymbolicName() + "/" + entry;
    }

    @Override
    public List<Resource> search(String path, boolean recursive) throws IOException {
        String folder = entry(path);
        if (folder == null) {
            return List.of();
        }
        var found = bundle.findEntries(folder, "*", recursive);
        List<Resource> resources = new ArrayList<>();
        if (found != null) {
            for (URL url : Collections.list(found)) {
                if (!url.getPath().endsWith("/")) {
                    resources.add(new Found(prefix + url.getPath().substring(1), url::openStream));
                }
            }
        }
        return resources;
    }

    @Override
    public List<Resource> getAll(String path) {
        Resource resource = resource(path);
        return resource == null ? null : List.of(resource);
    }

    @Override
    public List<String> describeLocations() {
        return List.of("bundle " + bundle.getSymbolicName() + " " + bundle.getVersion());
    }

    @Override
    public void close() {
        // nothing held open
    }

    private Resource resource(String path) {
        String normal = path.replace('\\', '/');
        String text = generated.get(normal);
        if (text != null) {
            return new Found(normal, () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }
        String entry = entry(normal);
        URL url = entry == null ? null : bundle.getEntry(entry);
        return url == null ? null : new Found(normal, url::openStream);
    }

    /** The entry inside the bundle, or null for a path of another bundle. */
    private String entry(String path) {
        String normal = path.replace('\\', '/');
        while (normal.startsWith("/")) {
            normal = normal.substring(1);
        }
        return normal.startsWith(prefix) ? normal.substring(prefix.length()) : null;
    }

    private static URI uri(String path) {
        try {
            return new URI("oko-bundle", null, "/" + path, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    private abstract class Named extends AbstractResource {

        Named(String path) {
            super(path, uri(path));
        }

        @Override
        public Resource resolve(String other) {
            return resolved(resolvePath(other));
        }

        @Override
        public Resource resolveSibling(String other) {
            return resolved(resolveSiblingPath(other));
        }

        private Resource resolved(String path) {
            Resource resource = resource(path);
            return resource != null ? resource : new Missing(path);
        }
    }

    /** What a found resource's stream comes from: a bundle entry or a generated text. */
    private interface Opener {
        InputStream open() throws IOException;
    }

    private final class Found extends Named {
        private final Opener opener;

        Found(String path, Opener opener) {
            super(path);
            this.opener = opener;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            return opener.open();
        }
    }

    private final class Missing extends Named {
        Missing(String path) {
            super(path);
        }

        @Override
        public boolean exists() {
            return false;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            throw new IOException("No " + getPath() + " in " + describeLocations());
        }
    }
}
