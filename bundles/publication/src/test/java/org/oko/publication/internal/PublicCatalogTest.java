package org.oko.publication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PublicCatalogTest {

    @Test
    void onlyHttpAndHttpsWebsitesAreLinked() {
        assertEquals("https://school9901001.example.ru", PublicCatalog.linkable("https://school9901001.example.ru"));
        assertEquals("HTTP://school.ru/", PublicCatalog.linkable("HTTP://school.ru/"));
        assertNull(PublicCatalog.linkable("javascript:alert(1)"));
        assertNull(PublicCatalog.linkable("www.school.ru"));
        assertNull(PublicCatalog.linkable(null));
    }
}
