package org.oko.catalog.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The keys of {@code etc/org.oko.catalog.cfg}. */
@ObjectClassDefinition(id = "org.oko.catalog", name = "OKO catalog", description = "The region and catalog imports")
public @interface CatalogConfig {

    @AttributeDefinition(name = "Region code", description = "Code of the region (a subject of the Russian Federation), e.g. 64")
    String region_code() default "99";

    @AttributeDefinition(name = "Region name")
    String region_name() default "Демонстрационная область";

    @AttributeDefinition(name = "Largest import file, MB")
    int import_max_mb() default 20;
}
