package org.oko.scheduling.internal.campaign;

import java.util.ArrayList;
import java.util.List;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.Page;

/** Every organisation of a catalog filter, page after page (the catalog serves at most 1000 a page). */
final class Schools {

    private static final int PAGE = 1000;

    private Schools() {
    }

    static List<Organisation> all(CatalogService catalog, OrganisationFilter filter) {
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
