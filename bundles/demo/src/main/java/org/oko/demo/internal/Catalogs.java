package org.oko.demo.internal;

import org.oko.catalog.api.CatalogService;

/** Reading the catalog for the demo loaders. */
public final class Catalogs {

    private Catalogs() {
    }

    /** Whether the catalog has a region to show: it is written in one transaction, so any territory means all of it. */
    public static boolean loaded(CatalogService catalog) {
        return !catalog.territories().isEmpty();
    }
}
