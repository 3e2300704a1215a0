package org.oko.forms.internal.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.oko.forms.internal.expr.Expression;
import org.oko.forms.internal.expr.Reference;

/**
 * Orders computed indicators so that each is evaluated after those it reads; a cycle has no
 * order and is reported instead (a definition error).
 */
final class ComputeOrder {

    private final List<FormIndex.Computed> order;
    private final List<List<String>> cycles;

    private ComputeOrder(List<FormIndex.Computed> order, List<List<String>> cycles) {
        this.order = order;
        this.cycles = cycles;
    }

    /** Targets whose expression does not parse have no dependencies (they evaluate to an error later). */
    static ComputeOrder of(FormIndex index, Function<String, Expression> parsed) {
        Map<String, FormIndex.Computed> targets = new LinkedHashMap<>();
        index.computed().forEach(c -> targets.put(c.key(), c));
        Map<String, Set<String>> dependencies = new HashMap<>();
        targets.values().forEach(c -> dependencies.put(c.key(), dependencies(c, parsed.apply(c.indicator().computed()),
                targets.keySet())));
        return new Sorter(targets, dependencies).sort();
    }

    /** Computed targets in evaluation order, those in cycles left out. */
    List<FormIndex.Computed> order() {
        return order;
    }

    /** Each cycle as the keys along it, the first repeated at the end. */
    List<List<String>> cycles() {
        return cycles;
    }

    private static Set<String> dependencies(FormIndex.Computed target, Expression expression, Set<String> computed) {
        Set<String> found = new LinkedHashSet<>();
        if (expression == null) {
            return found;
        }
        for (Reference reference : expression.references()) {
            String key = switch (reference.kind()) {
                case NAME -> target.table() != null && FormIndex.column(target.table(), reference.code()).isPresent()
                        ? target.table().code() + "." + reference.code() : reference.code();
                case CELL, COLUMN -> reference.code() + "." + reference.column();
            };
            if (computed.contains(key)) {
                found.add(key);
            }
        }
        return found;
    }

    /** Depth-first topological sort; a back edge is a cycle. */
    private static final class Sorter {
        private final Map<String, FormIndex.Computed> targets;
        private final Map<String, Set<String>> dependencies;
        private final Map<String, Integer> state = new HashMap<>();
        private final List<String> path = new ArrayList<>();
        private final Set<String> cyclic = new LinkedHashSet<>();
        private final List<List<String>> cycles = new ArrayList<>();
        private final List<FormIndex.Computed> order = new ArrayList<>();

        Sorter(Map<String, FormIndex.Computed> targets, Map<String, Set<String>> dependencies) {
            this.targets = targets;
            this.dependencies = dependencies;
        }

        ComputeOrder sort() {
            targets.keySet().forEach(this::visit);
            List<FormIndex.Computed> acyclic = order.stream().filter(c -> !cyclic.contains(c.key())).toList();
            return new ComputeOrder(acyclic, cycles);
        }

        /** Marks the key cyclic when it is in, or depends on, a cycle. */
        private void visit(String key) {
            Integer current = state.get(key);
            if (current != null) {
                if (current == 1) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(key), path.size()));
                    cyclic.addAll(cycle);
                    cycle.add(key);
                    cycles.add(cycle);
                }
                return;
            }
            state.put(key, 1);
            path.add(key);
            for (String dependency : dependencies.get(key)) {
                visit(dependency);
                if (cyclic.contains(dependency)) {
                    cyclic.add(key);
                }
            }
            path.remove(path.size() - 1);
            state.put(key, 2);
            order.add(targets.get(key));
        }
    }
}
