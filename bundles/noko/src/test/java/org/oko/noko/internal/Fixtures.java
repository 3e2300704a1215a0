package org.oko.noko.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.oko.noko.internal.method.Method;
import org.oko.noko.internal.method.MethodType;

/** The method the module ships: the tests compute by what regions get. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Method federal() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/OKO-INF/specs/noko.method/federal.json")) {
            return MethodType.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
