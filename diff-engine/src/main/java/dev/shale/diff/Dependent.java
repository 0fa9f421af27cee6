package dev.shale.diff;

import dev.shale.change.Change;
import dev.shale.model.QualifiedName;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An object that reads relations (tables, views) and so must be dropped before a change to one of them
 * that PostgreSQL refuses under it (a column's type, a dropped column or table) and created again after:
 * the one description {@link Dependencies} needs, whatever the object's family. {@link Dependents} makes
 * them from a model, one section per family (views today; functions, triggers and policies plug in there).
 *
 * @param key what it is, the same in the old and the new model
 * @param uses the relations it reads, by their names in the new model (renames applied)
 * @param drop the change that drops it as the old model has it, given the reason (null when it is its own change)
 * @param create the changes that create it as the new model has it, with everything on it (indexes, comment), in order
 */
record Dependent(Key key, Set<QualifiedName> uses, Function<Dropping, Change> drop, List<Change> create) {
    Dependent {
        uses = Set.copyOf(uses);
        create = List.copyOf(create);
    }

    /**
     * What identifies a dependent across two models.
     *
     * @param kind its family ({@code "view"}, {@code "trigger"}, {@code "policy"}, {@code "function"})
     * @param name its name; for an object named within a table (a trigger, a policy) {@code schema.table.name}
     *             as {@code QualifiedName(schema, table + "." + name)}
     * @param relation whether other dependents may read it (a view: yes, a trigger: no), so that its own drop
     *                 drops them too
     */
    record Key(String kind, QualifiedName name, boolean relation) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = name.compareTo(o.name);
            return c != 0 ? c : kind.compareTo(o.kind);
        }

        String display() {
            return kind + " " + name.display();
        }
    }

    /**
     * Why a dependent is dropped.
     *
     * @param recreated whether the migration creates it again
     * @param reason a phrase for the reviewer when the drop is not its own change ({@code it depends on ...}), else null
     */
    record Dropping(boolean recreated, String reason) {}
}
