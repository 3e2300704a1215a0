package org.oko.analytics.internal.catalogue;

import org.oko.platform.api.specs.JsonSpecType;
import org.oko.platform.api.specs.SpecType;
import org.osgi.service.component.annotations.Component;

/** How the platform reads an indicator catalogue: the shipped one, a region's own published through /api/analytics. */
@Component(service = SpecType.class, property = SpecType.KIND + "=" + CatalogueType.KIND)
public class CatalogueType extends JsonSpecType<Catalogue> {

    public static final String KIND = "analytics.catalogue";

    public CatalogueType() {
        super(Catalogue.class);
    }

    public static Catalogue parse(String json) {
        return parse(json, Catalogue.class);
    }
}
