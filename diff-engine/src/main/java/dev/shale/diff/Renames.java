package dev.shale.diff;

import dev.shale.change.RenameColumn;
import dev.shale.change.RenameTable;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.Table;

import java.util.List;
import java.util.Map;

/**
 * The renames settled for one diff and the questions still open. {@link #applyTo} gives the old schema
 * as it stands once the renames have run (renames come first in a migration), so everything else is
 * compared by name against the new schema without spurious drops and adds.
 *
 * @param tables old table name to new table name
 * @param columns per table (by its new name): old column name to new column name
 * @param questions the open questions, tables first
 */
record Renames(Map<QualifiedName, QualifiedName> tables, Map<QualifiedName, Map<String, String>> columns,
               List<RenameQuestion> questions) {
    Renames {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
        questions = List.copyOf(questions);
    }

    /** Adds the RenameTable and RenameColumn changes to {@code order}. */
    void addChanges(ChangeOrder order) {
        tables.forEach((oldName, newName) -> order.add(ChangeOrder.Phase.RENAME_TABLE, oldName, 0, "",
                new RenameTable(oldName, newName)));
        columns.forEach((table, renames) -> renames.forEach((oldName, newName) -> order.add(
                ChangeOrder.Phase.RENAME_COLUMN, table, 0, oldName, new RenameColumn(table, oldName, newName))));
    }

    /** {@code from} with the renames applied, references to renamed tables and columns included. */
    SchemaModel applyTo(SchemaModel from) {
        if (tables.isEmpty() && columns.isEmpty()) {
            return from;
        }
        List<Table> renamed = from.tables().stream().map(t -> rename(t, columnOwner(from, t))).toList();
        List<Sequence> sequences = from.sequences().stream().map(q -> q.ownedBy() == null ? q : q.withOwnedBy(
                new Sequence.OwnedBy(tableName(q.ownedBy().table()),
                        column(tableName(q.ownedBy().table()), q.ownedBy().column())))).toList();
        List<dev.shale.model.Policy> policies = from.policies().stream().map(p -> p.withTable(tableName(p.table()))).toList();
        List<dev.shale.model.Grant> grants = from.grants().stream().map(g -> g.on() != dev.shale.model.Grant.On.TABLE ? g
                : g.withObject(tableName(g.object())).withColumn(g.column() == null ? null
                : column(tableName(g.object()), g.column()))).toList();
        return from.toBuilder().tables(renamed).sequences(sequences).policies(policies).grants(grants).build();
    }

    /**
     * The table whose columns {@code t}'s keys and indexes name, by its new name: {@code t} itself, or for a
     * partition the partitioned table at the top of its chain (a partition has no columns of its own).
     */
    private QualifiedName columnOwner(SchemaModel from, Table t) {
        Table owner = t;
        for (int hops = 0; owner.partitionOf() != null && hops < from.tables().size(); hops++) {
            Table parent = from.table(owner.partitionOf().parent());
            if (parent == null) {
                break;
            }
            owner = parent;
        }
        return tableName(owner.name());
    }

    /** @param name the table whose columns the keys name (see {@link #columnOwner}), by its new name */
    private Table rename(Table t, QualifiedName name) {
        PrimaryKey pk = t.primaryKey() == null ? null : t.primaryKey().withColumns(columns(name, t.primaryKey().columns()));
        return t.toBuilder().name(tableName(t.name()))
                .columns(t.columns().stream().map(c -> c.withName(column(name, c.name()))).toList())
                .primaryKey(pk)
                .uniques(t.uniques().stream().map(u -> u.withColumns(columns(name, u.columns()))).toList())
                .foreignKeys(t.foreignKeys().stream().map(fk -> rename(name, fk)).toList())
                .indexes(t.indexes().stream().map(ix -> rename(name, ix)).toList())
                .partitioning(t.partitioning() == null ? null : new dev.shale.model.Partitioning(t.partitioning().strategy(),
                        t.partitioning().keys().stream().map(k -> k.column() == null ? k : k.withColumn(column(name, k.column()))).toList()))
                .partitionOf(t.partitionOf() == null ? null
                        : new dev.shale.model.PartitionOf(tableName(t.partitionOf().parent()), t.partitionOf().bound()))
                .exclusions(t.exclusions().stream().map(x -> rename(name, x)).toList())
                .build();
    }

    private ForeignKey rename(QualifiedName table, ForeignKey fk) {
        QualifiedName target = tableName(fk.referencedTable());
        return fk.withColumns(columns(table, fk.columns())).withReferencedTable(target)
                .withReferencedColumns(columns(target, fk.referencedColumns()));
    }

    private Index rename(QualifiedName table, Index ix) {
        return ix.withKeys(ix.keys().stream()
                .map(k -> k.column() == null ? k : k.withColumn(column(table, k.column()))).toList())
                .withInclude(columns(table, ix.include()));
    }

    private dev.shale.model.Exclusion rename(QualifiedName table, dev.shale.model.Exclusion x) {
        return new dev.shale.model.Exclusion(x.name(), x.method(), x.elements().stream()
                .map(e -> new dev.shale.model.Exclusion.Element(e.key().column() == null ? e.key()
                        : e.key().withColumn(column(table, e.key().column())), e.operator())).toList(),
                columns(table, x.include()), x.where(), x.deferral(), x.comment());
    }

    private QualifiedName tableName(QualifiedName name) {
        return tables.getOrDefault(name, name);
    }

    private String column(QualifiedName table, String name) {
        return columns.getOrDefault(table, Map.of()).getOrDefault(name, name);
    }

    private List<String> columns(QualifiedName table, List<String> names) {
        return names.stream().map(n -> column(table, n)).toList();
    }
}
