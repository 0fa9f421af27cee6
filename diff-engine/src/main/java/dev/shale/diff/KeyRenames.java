package dev.shale.diff;

import dev.shale.change.RenameConstraint;
import dev.shale.change.RenameIndex;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.Constraint;
import dev.shale.model.Index;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Constraints and indexes that differ only by name, renamed rather than dropped and re-created. A
 * table rename is the common cause: PostgreSQL keeps {@code users_pkey} on a table renamed to
 * {@code people}, while code derives {@code people_pkey}. A rename is lossless and instant, so it
 * needs no question: the definition is identical.
 */
final class KeyRenames {
    private KeyRenames() {}

    /** {@code base} with such names changed to their new ones; the renames are added to {@code order}. */
    static SchemaModel apply(SchemaModel base, SchemaModel to, ChangeOrder order) {
        List<Table> tables = new ArrayList<>();
        boolean changed = false;
        for (Table t : base.tables()) {
            Table now = to.table(t.name());
            Table renamed = now == null ? t : apply(t, now, order);
            changed |= renamed != t;
            tables.add(renamed);
        }
        return changed ? base.withTables(tables) : base;
    }

    private static Table apply(Table from, Table to, ChangeOrder order) {
        List<Constraint> constraints = new ArrayList<>();
        java.util.Map<String, String> renamed = new java.util.HashMap<>();
        boolean changed = false;
        for (Constraint k : from.constraints()) {
            Constraint match = hasName(to.constraints(), k.name()) ? null : twin(k, to.constraints(), from.constraints());
            if (match != null) {
                order.add(Phase.RENAME_CONSTRAINT_OR_INDEX, from.name(), 0, k.name(),
                        new RenameConstraint(from.name(), k.name(), match.name()));
                renamed.put(k.name(), match.name());
                changed = true;
            }
            constraints.add(match != null ? match : k);
        }
        List<Index> indexes = new ArrayList<>();
        for (Index ix : from.indexes()) {
            Index match = null;
            if (to.indexes().stream().noneMatch(i -> i.name().equals(ix.name()))) {
                for (Index candidate : to.indexes()) {
                    if (from.indexes().stream().noneMatch(i -> i.name().equals(candidate.name()))
                            && ix.withName(candidate.name()).equals(candidate)) {
                        match = candidate;
                        break;
                    }
                }
            }
            if (match != null) {
                order.add(Phase.RENAME_CONSTRAINT_OR_INDEX, from.name(), 1, ix.name(),
                        new RenameIndex(from.name(), ix.name(), match.name()));
                renamed.put(ix.name(), match.name());
                changed = true;
            }
            indexes.add(match != null ? match : ix);
        }
        if (!changed) {
            return from;
        }
        // PostgreSQL keeps the replica identity on a renamed index or key.
        String identity = from.replicaIdentity().index();
        return from.toBuilder().constraints(constraints).indexes(indexes)
                .replicaIdentity(identity != null && renamed.containsKey(identity)
                        ? dev.shale.model.ReplicaIdentity.usingIndex(renamed.get(identity)) : from.replicaIdentity())
                .build();
    }

    /** The constraint of {@code candidates} equal to {@code k} but for its name, whose name is new. */
    private static Constraint twin(Constraint k, List<Constraint> candidates, List<Constraint> existing) {
        for (Constraint c : candidates) {
            if (!hasName(existing, c.name()) && Objects.equals(k.withName(c.name()), c)) {
                return c;
            }
        }
        return null;
    }

    private static boolean hasName(List<Constraint> constraints, String name) {
        return constraints.stream().anyMatch(c -> c.name().equals(name));
    }
}
