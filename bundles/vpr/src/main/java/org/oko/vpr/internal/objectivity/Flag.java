package org.oko.vpr.internal.objectivity;

import java.util.Map;

/** A sign of non-objective results at a school, with the numbers that raised it. */
public record Flag(String school, String rule, String title, String explanation, Map<String, Object> figures) {
}
