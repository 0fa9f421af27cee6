package dev.shale.diff;

import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deterministic topological sort of tables: each table after the tables it depends on, ties broken
 * by qualified name. A cycle is broken by taking the smallest remaining name, so the order always
 * exists; callers that care (dropping tables) detect broken edges by comparing positions.
 */
final class TableOrder {
    private TableOrder() {}

    /**
     * @param tables the tables to order
     * @param dependsOn for each table, the tables that must come before it (others are ignored)
     * @return every table once, dependencies first where possible
     */
    static List<QualifiedName> sort(Set<QualifiedName> tables, Map<QualifiedName, Set<QualifiedName>> dependsOn) {
        Map<QualifiedName, Set<QualifiedName>> waiting = new HashMap<>();
        for (QualifiedName t : tables) {
            Set<QualifiedName> deps = new TreeSet<>(dependsOn.getOrDefault(t, Set.of()));
            deps.retainAll(tables);
            deps.remove(t);
            waiting.put(t, deps);
        }
        List<QualifiedName> order = new ArrayList<>();
        TreeSet<QualifiedName> remaining = new TreeSet<>(tables);
        while (!remaining.isEmpty()) {
            QualifiedName next = null;
            for (QualifiedName t : remaining) {
                if (waiting.get(t).isEmpty()) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                next = remaining.first();
            }
            remaining.remove(next);
            order.add(next);
            for (Set<QualifiedName> deps : waiting.values()) {
                deps.remove(next);
            }
        }
        return order;
    }
}
