package org.oko.demo.internal;

import java.util.ArrayList;
import java.util.List;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.Page;

/** Reading the catalog for the demo loaders. */
public final class Catalogs {

    private static final int PAGE = 1000;

    private Catalogs() {
    }

    /** Whether the catalog has a region to show: it is written in one transaction, so any territory means all of it. */
    public static boolean loaded(CatalogService catalog) {
        return !catalog.territories().isEmpty();
    }

    /** Every organisation of a filter, page after page (the catalog serves at most 1000 a page). */
    public static List<Organisation> all(CatalogService catalog, OrganisationFilter filter) {
        List<Organisation> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Organisation> items = catalog.organisations(filter, page, PAGE);
            all.addAll(items.items());
            if (items.items().size() < PAGE) {
                return all;
            }
        }
    }
}
