package org.oko.procedure.api;

import java.util.Map;

/**
 * A sign on a school that calls for a look: results that seem non-objective, a share far from the
 * region's. A sign is a reason for help and re-checking, never a verdict: it carries its explanation
 * and the numbers that raised it.
 *
 * @param school      the school's catalog code
 * @param rule        the rule's id, stable across versions ({@code TOP_MARKS})
 * @param title       the rule for people («Доля отметок «5» намного выше региональной»)
 * @param explanation this school's numbers against the threshold, in a sentence
 * @param figures     the numbers themselves, by name, for tables and charts
 */
public record Flag(String school, String rule, String title, String explanation, Map<String, Object> figures) {

    public Flag {
        figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
    }
}
