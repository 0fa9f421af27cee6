package dev.shale.diff;

import dev.shale.change.Change;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.diff.Dependent.Dropping;
import dev.shale.diff.Dependent.Key;
import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Drops and creates again the objects that depend on what a migration changes, in an order computed from
 * the models: when a table's column changes type, a column or table is dropped or renamed, or a view is
 * dropped and created again, every {@link Dependent} reading it (and, through views, everything stacked on
 * them) is dropped first, readers before what they read, and created again afterwards, bottom-up, as the
 * new model has it. Nothing is ever dropped with CASCADE: a dependent the model does not know makes the
 * statement fail rather than vanish, and one the model knows is named in its own DROP with the reason.
 */
final class Dependencies {
    /** What a family's own diff decided for one of its objects. */
    enum Own { CREATE, DROP, REBUILD }

    private final Map<Key, Dependent> before = new TreeMap<>();
    private final Map<Key, Dependent> after = new TreeMap<>();
    private final Map<Key, Integer> beforeOrder;
    private final Map<Key, Integer> afterOrder;

    Dependencies(List<Dependent> before, List<Dependent> after) {
        before.forEach(d -> this.before.put(d.key(), d));
        after.forEach(d -> this.after.put(d.key(), d));
        this.beforeOrder = positions(this.before);
        this.afterOrder = positions(this.after);
    }

    /** The topological position of a dependent of the new model (what it reads comes first). */
    int position(Key key) {
        return afterOrder.getOrDefault(key, 0);
    }

    /**
     * Adds the drops (DROP_DEPENDENT, readers first) and creations (CREATE_DEPENDENT, bottom-up) to
     * {@code order}, and returns the dependents dropped, with why.
     *
     * @param own the families' own decisions: objects created, dropped for good, or dropped and created again
     * @param touched relations changed under their readers, by new name, with the reason
     */
    Map<Key, Dropping> add(Map<Key, Own> own, Map<QualifiedName, String> touched, ChangeOrder order) {
        Map<Key, Dropping> dropped = new LinkedHashMap<>();
        own.forEach((k, o) -> {
            if (o == Own.DROP) {
                dropped.put(k, new Dropping(false, null));
            } else if (o == Own.REBUILD) {
                dropped.put(k, new Dropping(true, null));
            }
        });
        boolean grew = true;
        while (grew) {
            grew = false;
            Map<QualifiedName, String> gone = new HashMap<>(touched);
            dropped.keySet().stream().filter(Key::relation).forEach(k -> gone.putIfAbsent(k.name(),
                    "it reads " + k.display() + ", which is dropped" + (dropped.get(k).recreated() ? " and created again" : "")));
            for (Dependent d : before.values()) {
                if (dropped.containsKey(d.key())) {
                    continue;
                }
                String reason = d.uses().stream().filter(gone::containsKey).sorted().map(gone::get).findFirst().orElse(null);
                if (reason != null) {
                    dropped.put(d.key(), new Dropping(after.containsKey(d.key()), reason));
                    grew = true;
                }
            }
        }
        // A dependent the new model drops anyway still says so when what it reads goes too: the reviewer reads
        // that it is taken down with the table, by name, rather than by CASCADE.
        Map<QualifiedName, String> gone = new HashMap<>(touched);
        dropped.keySet().stream().filter(Key::relation).forEach(k -> gone.putIfAbsent(k.name(), "it reads " + k.display()
                + ", which is dropped" + (dropped.get(k).recreated() ? " and created again" : "")));
        for (Map.Entry<Key, Dropping> e : dropped.entrySet()) {
            Dependent d = before.get(e.getKey());
            if (d != null && !e.getValue().recreated() && e.getValue().reason() == null) {
                d.uses().stream().filter(gone::containsKey).sorted().map(gone::get).findFirst()
                        .ifPresent(reason -> e.setValue(new Dropping(false, reason)));
            }
        }
        List<Key> drops = new ArrayList<>(dropped.keySet());
        drops.removeIf(k -> !before.containsKey(k));
        drops.sort((a, b) -> Integer.compare(beforeOrder.get(b), beforeOrder.get(a)));
        for (int i = 0; i < drops.size(); i++) {
            Key k = drops.get(i);
            order.addAt(Phase.DROP_DEPENDENT, i, k.name(), 0, before.get(k).drop().apply(dropped.get(k)));
        }
        Set<Key> creates = new TreeSet<>();
        own.forEach((k, o) -> {
            if (o != Own.DROP && after.containsKey(k)) {
                creates.add(k);
            }
        });
        dropped.forEach((k, d) -> {
            if (d.recreated() && after.containsKey(k)) {
                creates.add(k);
            }
        });
        for (Key k : creates) {
            List<Change> changes = after.get(k).create();
            for (int j = 0; j < changes.size(); j++) {
                order.addAt(Phase.CREATE_DEPENDENT, afterOrder.get(k), k.name(), j, changes.get(j));
            }
        }
        return dropped;
    }

    /** Each dependent's place in a deterministic topological order: what it reads first, ties by key. */
    private static Map<Key, Integer> positions(Map<Key, Dependent> all) {
        Map<QualifiedName, List<Key>> relations = new HashMap<>();
        all.keySet().stream().filter(Key::relation).forEach(k -> relations.computeIfAbsent(k.name(), n -> new ArrayList<>()).add(k));
        Map<Key, Set<Key>> waiting = new HashMap<>();
        all.forEach((k, d) -> {
            Set<Key> deps = new TreeSet<>();
            d.uses().forEach(u -> relations.getOrDefault(u, List.of()).forEach(deps::add));
            deps.remove(k);
            waiting.put(k, deps);
        });
        Map<Key, Integer> out = new HashMap<>();
        TreeSet<Key> remaining = new TreeSet<>(all.keySet());
        while (!remaining.isEmpty()) {
            Key next = remaining.stream().filter(k -> waiting.get(k).isEmpty()).findFirst().orElse(remaining.first());
            remaining.remove(next);
            out.put(next, out.size());
            waiting.values().forEach(s -> s.remove(next));
        }
        return out;
    }
}
