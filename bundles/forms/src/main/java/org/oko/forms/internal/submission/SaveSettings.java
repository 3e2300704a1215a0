package org.oko.forms.internal.submission;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The keys of {@code etc/org.oko.forms.cfg}: how the save path writes (docs/performance.md, *Group commit*). */
@ObjectClassDefinition(id = "org.oko.forms", name = "OKO forms", description = "How saves of indicator values are written")
public @interface SaveSettings {

    /** {@link #save_gather_us()}'s default: the writer decides by its database. */
    int AUTOMATIC = -1;

    @AttributeDefinition(name = "Group commit's wait for company, µs",
            description = "How long the save writer waits under load for more saves to join a group before writing it: -1 = 1000 on"
                    + " the embedded database, 0 on a database server; 0 = never waits")
    int save_gather_us() default AUTOMATIC;
}
