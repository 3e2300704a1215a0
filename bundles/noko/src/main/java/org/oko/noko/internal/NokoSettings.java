package org.oko.noko.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The region's settings of the НОКО module ({@code etc/org.oko.noko.cfg}); the defaults are documented in docs/noko.md. */
@ObjectClassDefinition(name = "OKO НОКО", description = "Reliability of results and the public survey's guards")
public @interface NokoSettings {

    @AttributeDefinition(description = "Organisations with fewer respondents have their results marked unreliable (not hidden)")
    int min_respondents() default 30;

    @AttributeDefinition(description = "Answers accepted from one client (address) for one organisation per hour")
    int answers_per_client_hour() default 60;

    @AttributeDefinition(description = "A questionnaire answered faster than this many seconds after it was opened is refused")
    int min_seconds() default 3;

    @AttributeDefinition(description = "Where evidence files are kept; empty: data/oko/noko-evidence under Karaf's data folder")
    String evidence_folder() default "";

    @AttributeDefinition(description = "The public address of OKO for survey links and QR codes (https://oko.example.ru); empty: the request's")
    String public_url() default "";
}
