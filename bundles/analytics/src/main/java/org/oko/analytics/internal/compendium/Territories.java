package org.oko.analytics.internal.compendium;

import java.util.LinkedHashMap;
import java.util.Map;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Territory;
import org.oko.platform.api.rest.ApiMessage;

/** The municipalities' names as the compendium's rows show them, in the catalog's order. */
final class Territories {

    private Territories() {
    }

    static Map<String, ApiMessage> names(CatalogService catalog) {
        Map<String, ApiMessage> names = new LinkedHashMap<>();
        for (Territory t : catalog.territories()) {
            names.put(t.code(), new ApiMessage(t.name(), null));
        }
        return names;
    }

    static ApiMessage same(String text) {
        return new ApiMessage(text == null ? "" : text, null);
    }
}
