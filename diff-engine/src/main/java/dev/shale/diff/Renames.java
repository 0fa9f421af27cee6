package dev.shale.diff;

import dev.shale.change.RenameAttribute;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameEnumValue;
import dev.shale.change.RenameSequence;
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
 * @param enumValues per enum: old label to new label
 * @param attributes per composite type: old attribute name to new
 * @param sequences old sequence name to new sequence name
 */
record Renames(Map<QualifiedName, QualifiedName> tables, Map<QualifiedName, Map<String, String>> columns,
               List<RenameQuestion> questions, Map<QualifiedName, Map<String, String>> enumValues,
               Map<QualifiedName, Map<String, String>> attributes, Map<QualifiedName, QualifiedName> sequences) {
    Renames {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
        questions = List.copyOf(questions);
        enumValues = Map.copyOf(enumValues);
        attributes = Map.copyOf(attributes);
        sequences = Map.copyOf(sequences);
    }

    /** Renames of tables and columns only. */
    Renames(Map<QualifiedName, QualifiedName> tables, Map<QualifiedName, Map<String, String>> columns,
            List<RenameQuestion> questions) {
        this(tables, columns, questions, Map.of(), Map.of(), Map.of());
    }

    /** Adds the RenameTable and RenameColumn changes to {@code order}. */
    void addChanges(ChangeOrder order) {
        tables.forEach((oldName, newName) -> order.add(ChangeOrder.Phase.RENAME_TABLE, oldName, 0, "",
                new RenameTable(oldName, newName)));
        columns.forEach((table, renames) -> renames.forEach((oldName, newName) -> order.add(
                ChangeOrder.Phase.RENAME_COLUMN, table, 0, oldName, new RenameColumn(table, oldName, newName))));
    }

    /**
     * The same, telling each rename which serial columns it carries (their sequences are renamed with
     * them) from {@code from}, the old schema.
     */
    void addChanges(ChangeOrder order, SchemaModel from) {
        tables.forEach((oldName, newName) -> order.add(ChangeOrder.Phase.RENAME_TABLE, oldName, 0, "",
                new RenameTable(oldName, newName, serialColumns(from.table(oldName)))));
        columns.forEach((table, renames) -> renames.forEach((oldName, newName) -> order.add(
                ChangeOrder.Phase.RENAME_COLUMN, table, 0, oldName, new RenameColumn(table, oldName, newName,
                        oldTable(from, table) != null && serialColumns(oldTable(from, table)).contains(oldName)))));
        enumValues.forEach((enumName, renames) -> renames.forEach((oldLabel, newLabel) -> order.add(
                ChangeOrder.Phase.RENAME_IN_TYPE, enumName, 0, oldLabel, new RenameEnumValue(enumName, oldLabel, newLabel))));
        attributes.forEach((type, renames) -> renames.forEach((oldName, newName) -> order.add(
                ChangeOrder.Phase.RENAME_IN_TYPE, type, 1, oldName, new RenameAttribute(type, oldName, newName))));
        sequences.forEach((oldName, newName) -> order.add(ChangeOrder.Phase.RENAME_IN_TYPE, oldName, 2, "",
                new RenameSequence(oldName, newName)));
    }

    private static List<String> serialColumns(Table table) {
        return table == null ? List.of()
                : table.columns().stream().filter(c -> ColumnDiff.isSerial(c.type())).map(c -> c.name()).toList();
    }

    /** The old schema's table now called {@code newName}. */
    private Table oldTable(SchemaModel from, QualifiedName newName) {
        for (Map.Entry<QualifiedName, QualifiedName> e : tables.entrySet()) {
            if (e.getValue().equals(newName)) {
                return from.table(e.getKey());
            }
        }
        return tables.containsKey(newName) ? null : from.table(newName);
    }

    /**
     * {@code original} with the renames applied, references to renamed tables and columns included, and
     * renamed enum values relabelled.
     */
    SchemaModel applyTo(SchemaModel original) {
        SchemaModel from = relabel(original);
        if (tables.isEmpty() && columns.isEmpty()) {
            return from;
        }
        List<Table> renamed = from.tables().stream().map(t -> rename(t, columnOwner(from, t))).toList();
        List<Sequence> sequences = from.sequences().stream().map(q -> q.ownedBy() == null ? q : q.withOwnedBy(
                new Sequence.OwnedBy(tableName(q.ownedBy().table()),
                        column(tableName(q.ownedBy().table()), q.ownedBy().column())))).toList();
        List<dev.shale.model.Trigger> triggers = from.triggers().stream().map(t -> t.withTable(tableName(t.table()))
                .withUpdateColumns(columns(tableName(t.table()), t.updateColumns()))).toList();
        List<dev.shale.model.Policy> policies = from.policies().stream().map(p -> p.withTable(tableName(p.table()))).toList();
        List<dev.shale.model.Grant> grants = from.grants().stream().map(g -> g.on() != dev.shale.model.Grant.On.TABLE ? g
                : g.withObject(tableName(g.object())).withColumn(g.column() == null ? null
                : column(tableName(g.object()), g.column()))).toList();
        return from.toBuilder().tables(renamed).sequences(sequences).triggers(triggers).policies(policies).grants(grants)
                .build();
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

    /**
     * {@code from} with its enums' renamed values under their new labels, in place, and the column defaults
     * that are such a value (PostgreSQL keeps a default as the value, so it reads back under the new label).
     */
    private SchemaModel relabel(SchemaModel from) {
        SchemaModel out = sequences.isEmpty() ? from : from.toBuilder().sequences(from.sequences().stream()
                .map(q -> sequences.containsKey(q.name()) ? q.withName(sequences.get(q.name())) : q).toList()).build();
        for (Map.Entry<QualifiedName, Map<String, String>> e : attributes.entrySet()) {
            dev.shale.model.CompositeType old = out.compositeType(e.getKey());
            if (old != null) {
                List<dev.shale.model.CompositeType> types = new java.util.ArrayList<>(out.compositeTypes());
                types.set(types.indexOf(old), old.withAttributes(old.attributes().stream().map(a -> e.getValue().containsKey(a.name())
                        ? new dev.shale.model.CompositeType.Attribute(e.getValue().get(a.name()), a.type(), a.collation()) : a).toList()));
                out = out.toBuilder().compositeTypes(types).build();
            }
        }
        if (enumValues.isEmpty()) {
            return out;
        }
        for (Map.Entry<QualifiedName, Map<String, String>> e : enumValues.entrySet()) {
            dev.shale.model.EnumType old = out.enumType(e.getKey());
            if (old != null) {
                out = out.withEnum(old.withValues(old.values().stream().map(v -> e.getValue().getOrDefault(v, v)).toList()));
            }
        }
        return out.toBuilder().tables(out.tables().stream().map(this::relabelDefaults).toList()).build();
    }

    private Table relabelDefaults(Table t) {
        List<dev.shale.model.Column> columns = t.columns().stream().map(c -> {
            Map<String, String> labels = c.type() instanceof dev.shale.model.ColumnType.EnumRef r ? enumValues.get(r.name()) : null;
            dev.shale.model.DefaultValue d = c.defaultValue();
            if (labels == null || d == null || d.kind() != dev.shale.model.DefaultValue.Kind.STRING || !labels.containsKey(d.value())) {
                return c;
            }
            return c.withDefault(dev.shale.model.DefaultValue.string(labels.get(d.value())));
        }).toList();
        return columns.equals(t.columns()) ? t : t.toBuilder().columns(columns).build();
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
