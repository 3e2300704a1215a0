package org.oko.vpr.internal.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oko.vpr.internal.stats.Result;

/**
 * Replace mode, decided row by row while the file streams: the works stored for a school go when
 * the file first names it, so they are deleted before its new works are inserted. A participant
 * stored for another school may move only if the file names that school too; that school's works
 * therefore go at once (the participant's new work would clash with its stored one), and if the
 * file never names it, the import fails — the same outcome as replacing the schools of the whole
 * file at the end.
 */
final class Replacement {

    private final Map<String, String> stored;
    private final Set<String> named = new HashSet<>();
    private final Set<String> cleared = new HashSet<>();
    /** Schools cleared for a moved participant but not named by the file (yet), with those rows. */
    private final Map<String, List<ResultsReader.Problem>> awaited = new LinkedHashMap<>();

    /** @param stored participant → school of the works stored for the test */
    Replacement(Map<String, String> stored) {
        this.stored = stored;
    }

    /** The schools whose stored works must be deleted before this work is written. */
    List<String> clearBefore(Result result, long row) {
        List<String> clear = new ArrayList<>(1);
        String school = result.school();
        if (named.add(school)) {
            awaited.remove(school);
            if (cleared.add(school)) {
                clear.add(school);
            }
        }
        String owner = stored.get(result.participant());
        if (owner != null && !named.contains(owner)) {
            awaited.computeIfAbsent(owner, o -> new ArrayList<>()).add(new ResultsReader.Problem(row, "код участника",
                    "Участник " + result.participant() + " уже загружен для ОО " + owner + " / already imported for another school"));
            if (cleared.add(owner)) {
                clear.add(owner);
            }
        }
        return clear;
    }

    /** Participants moved away from a school the file never names: its other works would stay. */
    List<ResultsReader.Problem> problems() {
        return awaited.values().stream().flatMap(List::stream).toList();
    }
}
