package org.oko.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The keys of {@code etc/org.oko.platform.cfg}. */
@ObjectClassDefinition(id = "org.oko.platform", name = "OKO platform",
        description = "HTTP port, database (embedded Derby or a PostgreSQL server), storage reserve and demo data of an OKO installation")
public @interface PlatformConfig {

    @AttributeDefinition(name = "HTTP port", description = "Port of the web UI and the REST API")
    int http_port() default 8181;

    @AttributeDefinition(name = "Database location",
            description = "Folder of the embedded Derby database; empty means ${karaf.data}/derby/oko")
    String db_location() default "";

    @AttributeDefinition(name = "Database server URL", required = false,
            description = "JDBC URL of a PostgreSQL database (jdbc:postgresql://host:5432/oko); empty means embedded Derby")
    String db_url() default "";

    @AttributeDefinition(name = "Database user", required = false)
    String db_user() default "";

    @AttributeDefinition(name = "Database password", required = false, type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String db_password() default "";

    @AttributeDefinition(name = "Database connections",
            description = "Most connections this node opens to the database server (HikariCP's pool)")
    int db_pool_size() default 20;

    @AttributeDefinition(name = "Storage reserve, MB",
            description = "Saving stops while the disk of the database has less than this free, and resumes once it has more")
    long storage_reserve_mb() default 100;

    @AttributeDefinition(name = "Demo data", description = "Load a synthetic demo region on start")
    boolean demo_data() default false;
}
