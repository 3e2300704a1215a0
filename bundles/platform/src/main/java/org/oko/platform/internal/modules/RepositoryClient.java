package org.oko.platform.internal.modules;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.oko.platform.api.rest.ApiException;

/** Reading a module repository over http(s) or from a folder: its index, and a KAR within the size limit. */
final class RepositoryClient {

    static final long MAX_KAR_BYTES = 50L * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** The repository's index; an IllegalArgumentException says why it cannot be read. */
    RepositoryIndex index(String repository) {
        URI uri = URI.create(repository).resolve(RepositoryIndex.FILE);
        try (InputStream in = open(uri)) {
            return RepositoryIndex.read(in);
        } catch (IOException e) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.cannot-read-module", e.getMessage(), uri);
        }
    }

    /** A KAR into a temporary file, its SHA-256 checked when the index gives one; the caller deletes the file. */
    Path download(URI uri, String sha256) throws IOException {
        Path file = Files.createTempFile("oko-module-", ".kar");
        try (InputStream in = open(uri); var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_KAR_BYTES) {
                    throw TEXTS.refusal(ApiException.Kind.INVALID, "module.module-archive-larger");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.cannot-download", e.getMessage(), uri);
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (sha256 != null && !sha256.equalsIgnoreCase(sha256(file))) {
            Files.deleteIfExists(file);
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.archive-sha-differs", uri);
        }
        return file;
    }

    private InputStream open(URI uri) throws IOException {
        if ("file".equals(uri.getScheme())) {
            return Files.newInputStream(Path.of(uri));
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** A repository URL as kept: http, https or file, ending in a slash so that index paths resolve under it. */
    static String normalise(String url) {
        if (url == null || url.isBlank()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.give-repository-url");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.not-url", url);
        }
        if (!List.of("http", "https", "file").contains(String.valueOf(uri.getScheme()).toLowerCase())) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.repository-http-s", url);
        }
        String text = uri.toString();
        if (text.endsWith("/" + RepositoryIndex.FILE)) {
            text = text.substring(0, text.length() - RepositoryIndex.FILE.length());
        }
        return text.endsWith("/") ? text : text + "/";
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
