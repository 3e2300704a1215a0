package org.oko.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RestBasesTest {

    @Test
    void basesGetOneLeadingAndNoTrailingSlash() {
        assertEquals("/api/catalog", RestBases.normalise("api/catalog/"));
        assertEquals("/api/catalog", RestBases.normalise(" /api/catalog// "));
        assertEquals("/", RestBases.normalise("/"));
        assertEquals("/", RestBases.normalise(""));
    }
}
