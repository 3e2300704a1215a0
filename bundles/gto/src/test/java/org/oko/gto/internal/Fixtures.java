package org.oko.gto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.oko.gto.internal.norms.Norms;
import org.oko.gto.internal.norms.NormsType;

/** The tests' one norms file, {@code norms-fixture.json}: the shape of the order's tables, values for the tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String normsJson() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/norms-fixture.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Norms norms() {
        return NormsType.parse(normsJson());
    }
}
