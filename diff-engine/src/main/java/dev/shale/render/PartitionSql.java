package dev.shale.render;

import dev.shale.model.Check;
import dev.shale.model.IndexKey;
import dev.shale.model.PartitionOf;
import dev.shale.model.Partitioning;
import dev.shale.model.QualifiedName;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.List;

/**
 * Partitioned tables and partitions: the {@code PARTITION BY} clause, {@code CREATE TABLE ... PARTITION
 * OF}, and ATTACH and DETACH PARTITION.
 *
 * <p>All by hand: jOOQ has no syntax for partitioning. A partition is never created as a plain table:
 * its columns come from the parent, so only its own constraints appear in its parentheses.
 */
final class PartitionSql {
    private PartitionSql() {}

    /** {@code  PARTITION BY RANGE ("at")} (with a leading space) for a partitioned table, else empty. */
    static String partitionBy(Table table) {
        Partitioning p = table.partitioning();
        if (p == null) {
            return "";
        }
        List<String> keys = new ArrayList<>();
        for (IndexKey k : p.keys()) {
            keys.add(key(k));
        }
        return " PARTITION BY " + p.strategy() + " (" + String.join(", ", keys) + ")";
    }

    /**
     * {@code CREATE [UNLOGGED] TABLE "s"."p" PARTITION OF "s"."t" FOR VALUES ... [WITH (...)];}, with the partition's own primary
     * key, uniques and checks in parentheses, and its own PARTITION BY when it is partitioned in turn.
     */
    static String createPartition(Table table) {
        List<String> lines = new ArrayList<>();
        if (table.primaryKey() != null) {
            lines.add(TableSql.constraintClause(table.primaryKey()));
        }
        for (Unique u : table.uniques()) {
            lines.add(TableSql.constraintClause(u));
        }
        for (Check k : table.checks()) {
            if (!k.notValid()) { // added after the partition, as for a table (see TableSql#createTable)
                lines.add(TableSql.constraintClause(k));
            }
        }
        StringBuilder out = new StringBuilder(table.unlogged() ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ").append(Sql.qualified(table.name()))
                .append(" PARTITION OF ").append(Sql.qualified(table.partitionOf().parent()));
        if (!lines.isEmpty()) {
            out.append(" (\n").append(Sql.INDENT).append(String.join(",\n" + Sql.INDENT, lines)).append("\n)");
        }
        return out.append(' ').append(table.partitionOf().bound()).append(partitionBy(table))
                .append(OptionsSql.with(table.storage())).append(';').toString();
    }

    /** {@code ALTER TABLE "s"."t" ATTACH PARTITION "s"."p" FOR VALUES ...;}. */
    static String attach(QualifiedName table, PartitionOf of) {
        return "ALTER TABLE " + Sql.qualified(of.parent()) + " ATTACH PARTITION " + Sql.qualified(table) + " " + of.bound() + ";";
    }

    /** {@code ALTER TABLE "s"."t" DETACH PARTITION "s"."p";}. */
    static String detach(QualifiedName table, PartitionOf of) {
        return "ALTER TABLE " + Sql.qualified(of.parent()) + " DETACH PARTITION " + Sql.qualified(table) + ";";
    }

    private static String key(IndexKey key) {
        StringBuilder out = new StringBuilder(key.column() != null ? Sql.ident(key.column()) : "(" + key.expression().strip() + ")");
        if (key.collation() != null) {
            out.append(" COLLATE ").append(Sql.ident(key.collation()));
        }
        if (key.opclass() != null) {
            out.append(' ').append(key.opclass());
        }
        return out.toString();
    }
}
