package dev.shale.testing;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.List;

/**
 * A mutable table the generators edit before building the immutable (and validating) {@link Table}.
 * Expressions the generators write always name columns quoted, so {@link #mentions} finds them.
 */
public final class Draft {
    public QualifiedName name;
    public final List<Column> columns = new ArrayList<>();
    public PrimaryKey pk;
    public final List<Unique> uniques = new ArrayList<>();
    public final List<Check> checks = new ArrayList<>();
    public final List<ForeignKey> fks = new ArrayList<>();
    public final List<Index> indexes = new ArrayList<>();
    /** PARTITION BY of a partitioned table, or null. */
    public dev.shale.model.Partitioning partitioning;
    /** The parent and bound of a partition (which has no columns of its own), or null. */
    public dev.shale.model.PartitionOf partitionOf;
    public final List<dev.shale.model.Exclusion> exclusions = new ArrayList<>();
    public boolean unlogged;
    public java.util.Map<String, String> storage = java.util.Map.of();
    public dev.shale.model.ReplicaIdentity replicaIdentity = dev.shale.model.ReplicaIdentity.DEFAULT;

    public Draft(QualifiedName name) {
        this.name = name;
    }

    public static Draft of(Table t) {
        Draft d = new Draft(t.name());
        d.columns.addAll(t.columns());
        d.pk = t.primaryKey();
        d.uniques.addAll(t.uniques());
        d.checks.addAll(t.checks());
        d.fks.addAll(t.foreignKeys());
        d.indexes.addAll(t.indexes());
        d.partitioning = t.partitioning();
        d.partitionOf = t.partitionOf();
        d.exclusions.addAll(t.exclusions());
        d.unlogged = t.unlogged();
        d.storage = t.storage();
        d.replicaIdentity = t.replicaIdentity();
        return d;
    }

    public Table build() {
        return Table.builder(name).columns(columns).primaryKey(pk).uniques(uniques).checks(checks).foreignKeys(fks)
                .indexes(indexes).partitioning(partitioning).partitionOf(partitionOf).exclusions(exclusions).unlogged(unlogged).storage(storage).replicaIdentity(replicaIdentity)
                .build();
    }

    /** The keys a foreign key may refer to: the primary key and unique constraints that are not deferrable. */
    public List<List<String>> foreignKeyTargets() {
        List<List<String>> out = new ArrayList<>();
        if (pk != null && pk.deferral() == dev.shale.model.Deferral.NOT_DEFERRABLE) {
            out.add(pk.columns());
        }
        uniques.stream().filter(u -> u.deferral() == dev.shale.model.Deferral.NOT_DEFERRABLE).forEach(u -> out.add(u.columns()));
        return out;
    }

    public Column column(String n) {
        return columns.stream().filter(c -> c.name().equals(n)).findFirst().orElse(null);
    }

    public int indexOf(String n) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(n)) {
                return i;
            }
        }
        return -1;
    }

    /** The column lists that are unique keys here: the primary key and each unique constraint. */
    public List<List<String>> keys() {
        List<List<String>> out = new ArrayList<>();
        if (pk != null) {
            out.add(pk.columns());
        }
        uniques.forEach(u -> out.add(u.columns()));
        return out;
    }

    /** Whether the column takes part in a foreign key of this table. */
    public boolean inOwnForeignKey(String col) {
        return fks.stream().anyMatch(f -> f.columns().contains(col));
    }

    public boolean inKey(String col) {
        return keys().stream().anyMatch(k -> k.contains(col));
    }

    public static String quote(String ident) {
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }

    public static boolean mentions(String expression, String col) {
        return expression != null && expression.contains(quote(col));
    }

    public static boolean mentions(Index ix, String col) {
        if (mentions(ix.where(), col)) {
            return true;
        }
        for (IndexKey k : ix.keys()) {
            if (col.equals(k.column()) || mentions(k.expression(), col)) {
                return true;
            }
        }
        return false;
    }

    /** The type a foreign key column referencing a column of type {@code t} must have. */
    public static ColumnType referencing(ColumnType t) {
        if (t instanceof ColumnType.Builtin b && b.type() == PgType.SERIAL) {
            return ColumnType.Builtin.of(PgType.INTEGER);
        }
        if (t instanceof ColumnType.Builtin b && b.type() == PgType.BIGSERIAL) {
            return ColumnType.Builtin.of(PgType.BIGINT);
        }
        return t;
    }
}
