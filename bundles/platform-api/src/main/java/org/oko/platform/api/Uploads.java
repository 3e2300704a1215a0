package org.oko.platform.api;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.oko.platform.api.rest.ApiException;

import static org.oko.platform.api.internal.PlatformApiTexts.TEXTS;

/**
 * A request body saved to a temporary file for work that reads it later (an import job), stopped at
 * its size limit instead of filling the disk. Refusals are the REST answers the user sees: 413 with
 * the limit, 400 for an empty file; nothing is left behind then.
 */
public final class Uploads {

    private Uploads() {
    }

    /**
     * @param prefix the temporary file's name prefix ({@code oko-vpr-})
     * @return the file; the caller, or the job it hands the file to, deletes it
     */
    public static Path save(InputStream body, long maxBytes, String prefix) throws IOException {
        Path file = Files.createTempFile(prefix, ".upload");
        try (OutputStream out = Files.newOutputStream(file)) {
            long copied = body.transferTo(new Limited(out, maxBytes));
            if (copied == 0) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "upload.empty");
            }
            return file;
        } catch (Limited.TooLarge e) {
            Files.deleteIfExists(file);
            throw TEXTS.refusal(ApiException.Kind.TOO_LARGE, "upload.too-large", maxBytes / (1024 * 1024));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Work started on a saved upload (an import job), which owns the file once it has started. */
    @FunctionalInterface
    public interface Start<T> {
        T start(Path file) throws Exception;
    }

    /**
     * Saves the body ({@link #save}) and hands the file to {@code start}. Until the work has started the file is
     * this method's: a refusal of {@code start} deletes it and passes on, so nothing is left behind.
     *
     * @return what {@code start} answers (the job)
     */
    public static <T> T handOver(InputStream body, long maxBytes, String prefix, Start<T> start) throws Exception {
        Path file = save(body, maxBytes, prefix);
        try {
            return start.start(file);
        } catch (Exception | Error refused) {
            Files.deleteIfExists(file);
            throw refused;
        }
    }

    private static final class Limited extends FilterOutputStream {

        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            TooLarge() {
                super("too large");
            }
        }

        private final long limit;
        private long written;

        Limited(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int n) throws IOException {
            written += n;
            if (written > limit) {
                throw new TooLarge();
            }
        }
    }
}
