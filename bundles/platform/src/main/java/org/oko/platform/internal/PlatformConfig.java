package org.oko.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The keys of {@code etc/org.oko.platform.cfg}. */
@ObjectClassDefinition(id = "org.oko.platform", name = "OKO platform",
        description = "HTTP port, database location, storage reserve and demo data of an OKO installation")
public @interface PlatformConfig {

    @AttributeDefinition(name = "HTTP port", description = "Port of the web UI and the REST API")
    int http_port() default 8181;

    @AttributeDefinition(name = "Database location",
            description = "Folder of the embedded Derby database; empty means ${karaf.data}/derby/oko")
    String db_location() default "";

    @AttributeDefinition(name = "Storage reserve, MB",
            description = "Saving stops while the disk of the database has less than this free, and resumes once it has more")
    long storage_reserve_mb() default 100;

    @AttributeDefinition(name = "Demo data", description = "Load a synthetic demo region on start")
    boolean demo_data() default false;
}
