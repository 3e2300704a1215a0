package org.oko.platform.api.specs;

import java.time.Instant;

/**
 * One published version of a spec.
 *
 * @param kind      whose spec: {@code vpr.test}, {@code gto.norms} …
 * @param key       which one of the kind: {@code 2026-math-5}
 * @param version   1, 2, …; a newer version for new work, the older ones for the work done against them
 * @param json      the spec as its module reads it
 * @param source    who published it: {@code bundle:<symbolic name>} for a shipped file, otherwise the login
 * @param published when
 */
public record Spec(String kind, String key, int version, String json, String source, Instant published) {
}
