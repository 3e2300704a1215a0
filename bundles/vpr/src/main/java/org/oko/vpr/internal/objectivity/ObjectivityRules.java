package org.oko.vpr.internal.objectivity;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Thresholds of the signs of non-objective results: regional decisions, so settings
 * ({@code etc/org.oko.vpr.cfg}); the defaults are documented in docs/vpr.md.
 */
@ObjectClassDefinition(name = "OKO ВПР: objectivity", description = "Signs of non-objective ВПР results")
public @interface ObjectivityRules {

    @AttributeDefinition(description = "Schools with fewer works are not judged")
    int min_participants() default 10;

    @AttributeDefinition(description = "Top marks: the school's share of 5 is at least this many times the region's…")
    double top_marks_ratio() default 2.0;

    @AttributeDefinition(description = "…and at least this share, in per cent")
    double top_marks_min_share() default 30.0;

    @AttributeDefinition(description = "Journal gap: the share of works whose ВПР mark is above the journal mark, in per cent")
    double raised_max_share() default 30.0;

    @AttributeDefinition(description = "Journal gap: the share of works whose ВПР mark is below the journal mark, in per cent")
    double lowered_max_share() default 60.0;

    @AttributeDefinition(description = "Task profile: hard tasks are those the region solves at most this share of, in per cent")
    double hard_task_max_success() default 40.0;

    @AttributeDefinition(description = "Task profile: easy tasks are those the region solves at least this share of, in per cent")
    double easy_task_min_success() default 65.0;

    @AttributeDefinition(description = "Task profile: the school solves hard tasks better than easy ones by at least this many points")
    double profile_margin() default 0.0;

    @AttributeDefinition(description = "Year on year: «качество» rose by at least this many percentage points")
    double year_jump_points() default 30.0;
}
