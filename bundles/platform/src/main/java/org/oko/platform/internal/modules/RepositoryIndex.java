package org.oko.platform.internal.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Version;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@value #FILE} at the root of a module repository: one entry per module version, each naming its
 * KAR by a path relative to the repository (a Maven layout, so the same folder can sit on any HTTP
 * server, a shared folder or a Maven repository manager). The build writes one under
 * {@code features/target/module-repository}; an OKO that publishes a module updates its own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepositoryIndex(int format, List<Entry> modules) {

    public static final String FILE = "oko-modules.json";
    static final int FORMAT = 1;
    private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param feature     the Karaf feature that installs the module
     * @param version     the feature's version
     * @param name        what people call the module
     * @param description what it does, in a sentence
     * @param kar         the KAR's path relative to the repository
     * @param sha256      the KAR's SHA-256 in hex, checked after download when given
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String feature, String version, String name, String description, String kar, String sha256) {
    }

    public RepositoryIndex {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    static RepositoryIndex empty() {
        return new RepositoryIndex(FORMAT, List.of());
    }

    static RepositoryIndex read(InputStream in) throws IOException {
        RepositoryIndex index = JSON.readValue(in, RepositoryIndex.class);
        if (index.format() != FORMAT) {
            throw new IOException("format " + index.format() + " of " + FILE + " is not known (this OKO reads format " + FORMAT + ")");
        }
        for (Entry entry : index.modules()) {
            if (blank(entry.feature()) || blank(entry.version()) || blank(entry.kar())) {
                throw new IOException("an entry of " + FILE + " has no feature, version or kar: " + entry);
            }
            // They name files and folders of the installation (data/kar/<feature>-<version>): nothing else.
            if (!SAFE.matcher(entry.feature()).matches() || !SAFE.matcher(entry.version()).matches()
                    || entry.kar().contains("..") || entry.kar().startsWith("/") || entry.kar().contains(":")) {
                throw new IOException("an entry of " + FILE + " names a feature, version or path that is not allowed: " + entry);
            }
        }
        return index;
    }

    void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }

    /** This index with the entry added, or replacing the entry of the same feature and version. */
    RepositoryIndex with(Entry entry) {
        List<Entry> list = new ArrayList<>(modules.stream()
                .filter(e -> !(e.feature().equals(entry.feature()) && e.version().equals(entry.version()))).toList());
        list.add(entry);
        list.sort(Comparator.comparing(Entry::feature).thenComparing(e -> version(e.version())));
        return new RepositoryIndex(FORMAT, list);
    }

    /**
     * A Maven version ({@code 1.2.0-SNAPSHOT}) or Karaf's spelling of it ({@code 1.2.0.SNAPSHOT}) as an
     * OSGi version, to compare and order versions as people expect.
     */
    static Version version(String text) {
        String[] parts = text.trim().split("[.-]");
        int[] n = new int[3];
        int i = 0;
        for (; i < Math.min(3, parts.length) && parts[i].matches("\\d{1,9}"); i++) {
            n[i] = Integer.parseInt(parts[i]);
        }
        String qualifier = String.join("_", java.util.Arrays.copyOfRange(parts, i, parts.length)).replaceAll("[^A-Za-z0-9_-]", "_");
        return new Version(n[0], n[1], n[2], qualifier);
    }

    static boolean same(String a, String b) {
        return a != null && b != null && version(a).equals(version(b));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
