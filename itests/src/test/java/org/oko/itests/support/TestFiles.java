package org.oko.itests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Folders the tests make and clear, in the container and outside it: nothing but the JDK. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Deletes a folder and everything in it, deepest first; a folder that is not there is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
