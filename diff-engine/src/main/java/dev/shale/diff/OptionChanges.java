package dev.shale.diff;

import dev.shale.change.AlterForeignKey;
import dev.shale.change.AlterStorage;
import dev.shale.change.SetLogged;
import dev.shale.change.SetReplicaIdentity;
import dev.shale.change.ValidateConstraint;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.Check;
import dev.shale.model.Constraint;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.Table;

/**
 * The options PostgreSQL changes in place, without dropping and re-creating what they belong to: a
 * foreign key's deferral ({@code ALTER CONSTRAINT}), validating a NOT VALID check or foreign key,
 * storage parameters of a table or index, UNLOGGED, and the replica identity.
 *
 * <p>The NOT VALID rule: PostgreSQL can validate a constraint but never un-validate one. A model that
 * says NOT VALID is the first half of the usual workflow (add NOT VALID, clean up the rows, validate),
 * and a database where the constraint is already validated satisfies it: no change. A model without
 * NOT VALID against a database where the constraint is not yet valid is {@code VALIDATE CONSTRAINT}.
 */
final class OptionChanges {
    private OptionChanges() {}

    /**
     * {@code before} as it would be after the in-place changes towards {@code after}: its NOT VALID
     * flag (and a foreign key's deferral) taken from {@code after}. Equal to {@code after} exactly when
     * no drop and add is needed.
     */
    static Constraint inPlaceOf(Constraint before, Constraint after) {
        if (before instanceof Check b && after instanceof Check a) {
            return b.withNotValid(a.notValid());
        }
        if (before instanceof ForeignKey b && after instanceof ForeignKey a) {
            return b.withNotValid(a.notValid()).withDeferral(a.deferral());
        }
        return before;
    }

    /** Whether {@code before} must be dropped and added again to become {@code after} (null: it goes). */
    static boolean replaces(Constraint before, Constraint after) {
        return after == null || !inPlaceOf(before, after).equals(after);
    }

    /** The in-place changes from {@code before} to {@code after}, which {@link #replaces} says need no drop. */
    static void constraint(QualifiedName table, Constraint before, Constraint after, ChangeOrder order, Phase phase, int rank) {
        if (before instanceof ForeignKey b && after instanceof ForeignKey a && b.deferral() != a.deferral()) {
            order.add(phase, table, rank, a.name(), new AlterForeignKey(table, b, b.withDeferral(a.deferral())));
        }
        if (isNotValid(before) && !isNotValid(after)) {
            order.add(phase, table, rank, after.name(), new ValidateConstraint(table, after));
        }
    }

    private static boolean isNotValid(Constraint k) {
        return k instanceof Check c && c.notValid() || k instanceof ForeignKey f && f.notValid();
    }

    /**
     * Whether two indexes of one name on {@code table} differ in more than their storage parameters, which ALTER
     * INDEX sets; on a partitioned table, in anything: PostgreSQL sets no storage parameter of a partitioned index.
     */
    static boolean replaces(Table table, Index before, Index after) {
        return after == null || !before.withStorage(after.storage()).equals(after)
                || table.partitioning() != null && !before.storage().equals(after.storage());
    }

    /** ALTER INDEX ... SET/RESET when only the storage parameters differ. */
    static void index(QualifiedName table, Index before, Index after, ChangeOrder order) {
        if (!before.storage().equals(after.storage())) {
            order.add(Phase.ALTER_TABLE, table, 1, after.name(), new AlterStorage(table, after.name(), before.storage(), after.storage()));
        }
    }

    /** The table's own options: storage parameters, UNLOGGED, replica identity. */
    static void table(Table from, Table to, ChangeOrder order) {
        QualifiedName name = to.name();
        if (!from.storage().equals(to.storage())) {
            order.add(Phase.ALTER_TABLE, name, 0, "", new AlterStorage(name, null, from.storage(), to.storage()));
        }
        if (from.unlogged() != to.unlogged()) {
            order.add(Phase.ALTER_TABLE, name, 2, "", new SetLogged(name, to.unlogged()));
        }
        ReplicaIdentity identity = to.replicaIdentity();
        if (!from.replicaIdentity().equals(identity) || identity.index() != null && recreated(from, to, identity.index())) {
            order.add(Phase.REPLICA_IDENTITY, name, 0, "", new SetReplicaIdentity(name, from.replicaIdentity(), identity));
        }
    }

    /** The parts of a created table that CREATE TABLE cannot hold: NOT VALID checks, the replica identity. */
    static void created(Table table, ChangeOrder order) {
        for (Check k : table.checks()) {
            if (k.notValid()) {
                TableDiff.addConstraint(table.name(), k, order);
            }
        }
        if (!table.replicaIdentity().equals(ReplicaIdentity.DEFAULT)) {
            order.add(Phase.REPLICA_IDENTITY, table.name(), 0, "",
                    new SetReplicaIdentity(table.name(), ReplicaIdentity.DEFAULT, table.replicaIdentity()));
        }
    }

    /** Whether the index or key of that name is dropped and created again, losing its replica identity mark. */
    private static boolean recreated(Table from, Table to, String name) {
        Index before = from.indexes().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
        Index after = to.indexes().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
        if (after != null) {
            return before == null || replaces(to, before, after);
        }
        Constraint was = from.constraints().stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
        Constraint now = to.constraints().stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
        return now != null && (was == null || was.getClass() != now.getClass() || replaces(was, now));
    }
}
