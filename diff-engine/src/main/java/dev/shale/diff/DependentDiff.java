package dev.shale.diff;

import dev.shale.change.Change;
import dev.shale.diff.Dependencies.Own;
import dev.shale.diff.Dependent.Dropping;
import dev.shale.diff.Dependent.Key;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;

import java.util.Map;
import java.util.TreeMap;

/**
 * The objects that depend on relations (views today; functions, triggers and policies once modelled),
 * diffed after the tables: each family says what its own changes require ({@code decisions}: created,
 * dropped, dropped and created again), the changes collected so far say which relations change under their
 * readers ({@link TouchedRelations}), {@link Dependencies} drops and creates what must go around them, and
 * each family then adds its changes in place for the objects that stay.
 *
 * <p>A family plugs in with three additions: a section in {@link Dependents#of} (what each object reads,
 * its drop, its creation), its decisions merged into {@code own} here, and its in-place changes called
 * here with the objects the machinery dropped, which it must leave alone.
 */
final class DependentDiff {
    private DependentDiff() {}

    /**
     * @param from the old model, before renames (query texts name the old tables)
     * @param renamedTables the settled table renames, old name to new
     * @param to the new model
     * @param order the changes so far (tables, columns...), to which the dependents' changes are added
     */
    static void diff(SchemaModel from, Map<QualifiedName, QualifiedName> renamedTables, SchemaModel to, ChangeOrder order) {
        Map<Key, Own> own = new TreeMap<>(ViewDiff.decisions(from, to));
        // functions, triggers, policies: own.putAll(TheirDiff.decisions(from, to));
        Map<QualifiedName, String> touched = new TreeMap<>();
        for (Change c : order.changes()) {
            for (TouchedRelations.Touch t : c.accept(TouchedRelations.INSTANCE)) {
                touched.putIfAbsent(t.relation(), t.reason());
            }
        }
        ViewDiff.replacedEnums(from, to, touched);
        Dependencies deps = new Dependencies(Dependents.of(from, renamedTables), Dependents.of(to, Map.of()));
        Map<Key, Dropping> dropped = deps.add(own, touched, order);
        ViewDiff.inPlace(from, to, own, dropped, deps, order);
        // functions, triggers, policies: TheirDiff.inPlace(from, to, own, dropped, deps, order);
    }
}
