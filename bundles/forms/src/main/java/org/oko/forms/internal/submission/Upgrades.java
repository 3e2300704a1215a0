package org.oko.forms.internal.submission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oko.forms.api.CellKey;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Upgrade;

/**
 * Carries value keys from one form version to a later one by the versions' declarative upgrade
 * instructions, applied in order: a renamed code (an indicator, a table or a column) keeps its
 * values under the new code; a removed one loses them.
 */
final class Upgrades {

    private Upgrades() {
    }

    /**
     * @param steps the definitions after the submission's version up to the target, in version order
     * @return old key → new key, or → null when the value is dropped
     */
    static Map<String, String> plan(List<String> keys, List<FormDefinition> steps) {
        Map<String, String> plan = new LinkedHashMap<>();
        for (String key : keys) {
            String current = key;
            for (FormDefinition step : steps) {
                Upgrade upgrade = step.upgrade();
                if (current == null || upgrade == null) {
                    continue;
                }
                current = carry(current, upgrade);
            }
            plan.put(key, current);
        }
        return plan;
    }

    private static String carry(String key, Upgrade upgrade) {
        Optional<CellKey> cell = CellKey.parse(key);
        if (cell.isEmpty()) {
            return upgrade.remove().contains(key) ? null : upgrade.rename().getOrDefault(key, key);
        }
        CellKey c = cell.get();
        if (upgrade.remove().contains(c.table()) || upgrade.remove().contains(c.column())) {
            return null;
        }
        return new CellKey(upgrade.rename().getOrDefault(c.table(), c.table()), upgrade.rename().getOrDefault(c.column(), c.column()),
                c.row()).toString();
    }
}
