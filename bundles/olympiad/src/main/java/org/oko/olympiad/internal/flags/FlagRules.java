package org.oko.olympiad.internal.flags;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Thresholds of the signs of non-objective olympiad results: regional decisions, so settings
 * ({@code etc/org.oko.olympiad.cfg}); the defaults are documented in docs/olympiad.md.
 */
@ObjectClassDefinition(name = "OKO ВсОШ: objectivity", description = "Signs of non-objective olympiad results")
public @interface FlagRules {

    @AttributeDefinition(description = "Schools with fewer participations at the school stage are not judged")
    int min_participations() default 20;

    @AttributeDefinition(description = "School stage: the school's share of diplomas is at least this many times the region's…")
    double awards_ratio() default 2.0;

    @AttributeDefinition(description = "…and at least this share, in per cent…")
    double awards_min_share() default 30.0;

    @AttributeDefinition(description = "…while at the municipal stage its share of diplomas is at most the region's times this")
    double municipal_ratio() default 1.0;

    @AttributeDefinition(description = "Bunching: the window just above and just below the passing score, in per cent of the maximum score")
    double bunch_window() default 5.0;

    @AttributeDefinition(description = "Bunching: at least this many participations just above the passing score…")
    int bunch_min() default 10;

    @AttributeDefinition(description = "…and at least this many times as many as just below it")
    double bunch_ratio() default 3.0;
}
