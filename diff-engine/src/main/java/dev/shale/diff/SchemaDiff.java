package dev.shale.diff;

import dev.shale.change.Change;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateSchema;
import dev.shale.change.CreateTable;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropTable;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.Conversion;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole-schema part of the diff: schemas, enums, tables created and dropped (in dependency
 * order), tables on both sides (through {@link TableDiff}), and the foreign keys that must be dropped
 * because a table or key they depend on goes. External tables are never compared.
 */
final class SchemaDiff {
    private SchemaDiff() {}

    /** The changes from {@code from} to {@code to}, in apply order; the renames must be settled. */
    static List<Change> changes(SchemaModel from, SchemaModel to, Renames renames) {
        return changes(from, to, renames, List.of());
    }

    /** The same, with the code's conversions for changed column types. */
    static List<Change> changes(SchemaModel from, SchemaModel to, Renames renames, List<Conversion> conversions) {
        ChangeOrder order = new ChangeOrder();
        renames.addChanges(order, from);
        SchemaModel renamed = renames.applyTo(from);
        CommentDiff.diff(renamed, to, order);
        to = CommentDiff.uncommented(to);
        SchemaModel base = KeyRenames.apply(CommentDiff.uncommented(renamed), to, order);
        ObjectDiff.diff(base, to, order);
        AccessDiff.diff(base, to, order);
        for (String schema : to.schemas()) {
            if (!schema.equals(QualifiedName.DEFAULT_SCHEMA) && !base.schemas().contains(schema)) {
                order.addGrouped(Phase.CREATE_SCHEMA, 0, QualifiedName.of(schema, schema), new CreateSchema(schema));
            }
        }
        EnumDiff.diff(base, to, order);
        TypeDiff.diff(base, to, order);
        Set<QualifiedName> dropped = new TreeSet<>();
        for (Table t : base.tables()) {
            Table now = to.table(t.name());
            if (now != null) {
                PartitionDiff.diff(base, to, t, now, conversions, order);
            } else if (to.externalTable(t.name()) == null) {
                dropped.add(t.name());
            }
        }
        createTables(base, to, order);
        dropTables(base, dropped, order);
        dropForeignKeysOnChangedKeys(base, to, order);
        RoutineDiff.diff(base, to, order);
        DependentDiff.diff(from, renames.tables(), to, order);
        return EnumReplacement.settle(order.changes());
    }

    private static void createTables(SchemaModel base, SchemaModel to, ChangeOrder order) {
        Set<QualifiedName> created = new TreeSet<>();
        Map<QualifiedName, Set<QualifiedName>> references = new HashMap<>();
        for (Table t : to.tables()) {
            if (base.table(t.name()) == null) {
                created.add(t.name());
                references.put(t.name(), PartitionDiff.dependencies(t, referencedTables(t)));
            }
        }
        List<QualifiedName> sorted = TableOrder.sort(created, references);
        for (int i = 0; i < sorted.size(); i++) {
            Table t = to.table(sorted.get(i));
            order.addGrouped(Phase.CREATE_TABLE, i, t.name(), new CreateTable(t));
            ColumnDiff.comments(t, order);
            for (ForeignKey fk : t.foreignKeys()) {
                TableDiff.addConstraint(t.name(), fk, order);
            }
            for (Index ix : t.indexes()) {
                order.add(Phase.CREATE_INDEX, t.name(), 0, ix.name(), new CreateIndex(t.name(), ix));
            }
            OptionChanges.created(t, order);
        }
    }

    /**
     * Drops tables referring tables first. In a reference cycle among dropped tables, the foreign keys
     * that would still point at an already dropped table are dropped beforehand; other constraints and
     * indexes of a dropped table go with it.
     */
    private static void dropTables(SchemaModel base, Set<QualifiedName> dropped, ChangeOrder order) {
        Map<QualifiedName, Set<QualifiedName>> referrers = new HashMap<>();
        for (QualifiedName name : dropped) {
            for (QualifiedName target : PartitionDiff.dependencies(base.table(name), referencedTables(base.table(name)))) {
                referrers.computeIfAbsent(target, k -> new TreeSet<>()).add(name);
            }
        }
        List<QualifiedName> sorted = TableOrder.sort(dropped, referrers);
        for (int i = 0; i < sorted.size(); i++) {
            Table t = base.table(sorted.get(i));
            order.addGrouped(Phase.DROP_TABLE, i, t.name(), new DropTable(t));
            for (ForeignKey fk : t.foreignKeys()) {
                int target = sorted.indexOf(fk.referencedTable());
                if (target >= 0 && target < i) {
                    order.add(Phase.DROP_FOREIGN_KEY, t.name(), 3, fk.name(), new DropConstraint(t.name(), fk));
                }
            }
        }
    }

    /**
     * PostgreSQL will not drop a primary key, unique constraint or unique index while a foreign key
     * uses it, even one on a table about to be dropped. Such foreign keys are dropped first, and added
     * again at the end when the new schema keeps them.
     */
    private static void dropForeignKeysOnChangedKeys(SchemaModel base, SchemaModel to, ChangeOrder order) {
        for (Table t : base.tables()) {
            Table now = to.table(t.name());
            for (ForeignKey fk : t.foreignKeys()) {
                if (onChangedKey(fk, base, to)) {
                    order.add(Phase.DROP_FOREIGN_KEY, t.name(), 3, fk.name(), new DropConstraint(t.name(), fk));
                    ForeignKey kept = now == null ? null
                            : now.foreignKeys().stream().filter(f -> f.name().equals(fk.name())).findFirst().orElse(null);
                    if (kept != null && !OptionChanges.replaces(fk, kept)) {
                        TableDiff.addConstraint(t.name(), kept, order);
                    }
                }
            }
        }
    }

    /**
     * Whether {@code fk} (of {@code base}) refers to a key of its table that is dropped or created again
     * on the way to {@code to}: PostgreSQL then needs the foreign key dropped first and added after.
     * The models must come uncommented, or a comment would count as a change of the key.
     */
    static boolean onChangedKey(ForeignKey fk, SchemaModel base, SchemaModel to) {
        Table referenced = base.table(fk.referencedTable());
        Table now = to.table(fk.referencedTable());
        return referenced != null && now != null
                && TableDiff.changedKeys(referenced, now).contains(Set.copyOf(fk.referencedColumns()));
    }

    private static Set<QualifiedName> referencedTables(Table t) {
        Set<QualifiedName> names = new TreeSet<>();
        for (ForeignKey fk : t.foreignKeys()) {
            names.add(fk.referencedTable());
        }
        return names;
    }
}
