package org.oko.forms.api;

import java.util.List;
import java.util.Map;

/**
 * How values of the previous version carry over into this one: renamed indicators keep their
 * values under the new code, removed ones are dropped, all others carry over as they are.
 */
public record Upgrade(int fromVersion, Map<String, String> rename, List<String> remove) {

    public Upgrade {
        rename = rename == null ? Map.of() : Map.copyOf(rename);
        remove = remove == null ? List.of() : List.copyOf(remove);
    }
}
