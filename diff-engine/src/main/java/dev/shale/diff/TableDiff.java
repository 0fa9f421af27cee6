package dev.shale.diff;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.CreateIndex;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropIndex;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.Column;
import dev.shale.model.Conversion;
import dev.shale.model.Constraint;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The changes within one table that exists on both sides (under the same name once renames have run):
 * columns added, altered and dropped, and constraints and indexes dropped and added. A changed
 * constraint or index is dropped and added again.
 */
final class TableDiff {
    private TableDiff() {}

    /** Adds the changes that turn {@code from} into {@code to} (same name) to {@code order}. */
    static void diff(Table from, Table to, ChangeOrder order) {
        diff(from, to, List.of(), order);
    }

    /** The same, converting changed column types with the code's {@code conversions} where it supplies them. */
    static void diff(Table from, Table to, List<Conversion> conversions, ChangeOrder order) {
        QualifiedName name = to.name();
        for (int i = 0; i < to.columns().size(); i++) {
            Column after = to.columns().get(i);
            Column before = from.column(after.name());
            if (before == null) {
                order.add(Phase.ADD_COLUMN, name, i, after.name(), new AddColumn(name, after));
                ColumnDiff.comment(name, i, after, order);
            } else if (!before.equals(after)) {
                ColumnDiff.diff(name, i, before, after, conversions, order);
            }
        }
        for (int i = 0; i < from.columns().size(); i++) {
            Column before = from.columns().get(i);
            if (to.column(before.name()) == null) {
                order.add(Phase.DROP_COLUMN, name, i, before.name(), new DropColumn(name, before));
            }
        }
        for (Constraint k : from.constraints()) {
            if (OptionChanges.replaces(k, constraint(to, k))) {
                order.add(k instanceof ForeignKey ? Phase.DROP_FOREIGN_KEY : Phase.DROP_CONSTRAINT_OR_INDEX,
                        name, rank(k), k.name(), new DropConstraint(name, k));
            }
        }
        for (Constraint k : to.constraints()) {
            Constraint before = constraint(from, k);
            if (before == null || OptionChanges.replaces(before, k)) {
                addConstraint(name, k, order);
            } else {
                // After any add of the same phase: a foreign key dropped for a changed referenced key comes back first.
                OptionChanges.constraint(name, before, k, order, k instanceof ForeignKey ? Phase.ADD_FOREIGN_KEY
                        : Phase.ADD_CONSTRAINT, 5);
            }
        }
        for (Index ix : from.indexes()) {
            if (OptionChanges.replaces(to, ix, index(to, ix.name()))) {
                order.add(Phase.DROP_CONSTRAINT_OR_INDEX, name, 4, ix.name(), new DropIndex(name, ix));
            }
        }
        for (Index ix : to.indexes()) {
            Index before = index(from, ix.name());
            if (before == null || OptionChanges.replaces(to, before, ix)) {
                order.add(Phase.CREATE_INDEX, name, 0, ix.name(), new CreateIndex(name, ix));
            } else {
                OptionChanges.index(name, before, ix, order);
            }
        }
        OptionChanges.table(from, to, order);
    }

    /** Adds a constraint in its phase: foreign keys last, after every key and index they may need. */
    static void addConstraint(QualifiedName table, Constraint k, ChangeOrder order) {
        order.add(k instanceof ForeignKey ? Phase.ADD_FOREIGN_KEY : Phase.ADD_CONSTRAINT, table, rank(k), k.name(),
                new AddConstraint(table, k));
    }

    /**
     * The column sets of {@code from}'s unique keys (primary key, unique constraints, unique indexes on
     * plain columns) that are dropped or changed on the way to {@code to}: a foreign key referring to
     * one of them must be dropped first, since PostgreSQL will not drop a key a foreign key uses.
     */
    static Set<Set<String>> changedKeys(Table from, Table to) {
        Set<Set<String>> keys = new HashSet<>();
        PrimaryKey pk = from.primaryKey();
        if (pk != null && !pk.equals(to.primaryKey())) {
            keys.add(Set.copyOf(pk.columns()));
        }
        for (Unique u : from.uniques()) {
            if (!u.equals(constraint(to, u))) {
                keys.add(Set.copyOf(u.columns()));
            }
        }
        for (Index ix : from.indexes()) {
            boolean plain = ix.keys().stream().allMatch(k -> k.column() != null);
            if (ix.unique() && plain && OptionChanges.replaces(to, ix, index(to, ix.name()))) {
                keys.add(Set.copyOf(ix.keys().stream().map(IndexKey::column).toList()));
            }
        }
        return keys;
    }

    private static Constraint constraint(Table table, Constraint like) {
        for (Constraint k : table.constraints()) {
            if (k.name().equals(like.name()) && k.getClass() == like.getClass()) {
                return k;
            }
        }
        return null;
    }

    private static Index index(Table table, String name) {
        for (Index ix : table.indexes()) {
            if (ix.name().equals(name)) {
                return ix;
            }
        }
        return null;
    }

    private static int rank(Constraint k) {
        if (k instanceof PrimaryKey) {
            return 0;
        }
        if (k instanceof Unique) {
            return 1;
        }
        return k instanceof ForeignKey ? 3 : 2;
    }
}
