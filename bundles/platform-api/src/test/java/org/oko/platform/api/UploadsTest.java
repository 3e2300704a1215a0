package org.oko.platform.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;


import org.oko.platform.api.rest.ApiException;
import org.junit.jupiter.api.Test;

/** An upload saved whole below its limit, refused with 413 above it and 400 when empty, nothing left behind. */
class UploadsTest {

    private static long leftovers(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
        }
    }

    @Test
    void aBodyUnderTheLimitIsSavedWhole() throws IOException {
        byte[] body = new byte[100_000];
        body[99_999] = 7;
        Path file = Uploads.save(new ByteArrayInputStream(body), 100_000, "oko-test-");
        try {
            assertArrayEquals(body, Files.readAllBytes(file));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aBodyOverTheLimitIs413AndAnEmptyOne400WithNothingLeft() throws IOException {
        String prefix = "oko-test-" + UUID.randomUUID() + "-";
        ApiException large = assertThrows(ApiException.class,
                () -> Uploads.save(new ByteArrayInputStream(new byte[3 * 1024 * 1024]), 2 * 1024 * 1024, prefix));
        assertEquals(413, large.status());
        assertEquals("Файл больше 2 МБ", large.text().ru());
        assertEquals("the file is larger than 2 MB", large.text().en());
        ApiException empty = assertThrows(ApiException.class,
                () -> Uploads.save(new ByteArrayInputStream(new byte[0]), 10, prefix));
        assertEquals(400, empty.status());
        assertEquals("upload.empty", empty.code());
        assertEquals(0, leftovers(prefix));
    }

    @Test
    void aHandedOverFileIsTheWorksAndARefusedStartLeavesNothing() throws Exception {
        String prefix = "oko-test-" + UUID.randomUUID() + "-";
        Path kept = Uploads.handOver(new ByteArrayInputStream(new byte[] {1, 2}), 10, prefix, file -> file);
        try {
            assertEquals(2, Files.size(kept), "the started work owns the file");
        } finally {
            Files.delete(kept);
        }
        ApiException refused = assertThrows(ApiException.class, () -> Uploads.handOver(new ByteArrayInputStream(new byte[] {1}), 10, prefix,
                file -> {
                    throw new ApiException(ApiException.Kind.CONFLICT, "busy", "занято", "busy");
                }));
        assertEquals(409, refused.status());
        assertEquals(0, leftovers(prefix));
    }
}
