package org.oko.vpr.internal.importer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.oko.vpr.internal.stats.Result;

/**
 * Replace mode, decided row by row while the file streams: the works stored for a school go when
 * the file first names it, so they are deleted before its new works are inserted. A work is a
 * participant of a school, so a school's new works can clash with no other school's.
 */
final class Replacement {

    private final Set<String> named = new HashSet<>();

    /** The schools whose stored works must be deleted before this work is written. */
    List<String> clearBefore(Result result) {
        return named.add(result.school()) ? List.of(result.school()) : List.of();
    }
}
