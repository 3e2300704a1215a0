package org.oko.publication.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What the region publishes in the public school catalogue ({@code etc/org.oko.publication.cfg}): a regional
 * decision, applied at once (ConfigAdmin). Nothing of a procedure is public until the region names it.
 */
@ObjectClassDefinition(name = "OKO publication", description = "The public school catalogue: what the region publishes")
public @interface PublicationSettings {

    @AttributeDefinition(description = "The procedures whose results schools' cards show, by code (vpr, noko, …); empty: none")
    String[] procedures() default {};

    @AttributeDefinition(description = "The fewest people a published figure may stand for: smaller groups are left out")
    int min_group() default 5;

    @AttributeDefinition(description = "How long browsers and proxies may keep a public answer, in seconds")
    int max_age() default 300;
}
